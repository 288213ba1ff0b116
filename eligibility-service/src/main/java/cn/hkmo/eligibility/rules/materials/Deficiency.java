package cn.hkmo.eligibility.rules.materials;

/** One line of the one-time notice (一次性告知): an item missing, or present but wrong. */
public record Deficiency(MaterialItem item, Kind kind, String note) {

    public enum Kind {
        MISSING,
        DEFECTIVE
    }

    /** Stable code for the notice line: {@code MISSING:KINSHIP_PROOF:SPOUSE}. */
    public String code() {
        return kind + ":" + item.key();
    }
}

package cn.hkmo.eligibility.rules.materials;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.Notice;

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

    /**
     * The notice line in Chinese and English. An item of one endorsement names its region: a T for Hong Kong and one
     * for Macao each need the relative's home-return permit, and two equal lines would not say which is missing.
     */
    public Notice notice() {
        Destination region = item.region().orElse(null);
        String zh = (kind == Kind.MISSING ? "缺少: " : "不符合要求: ") + item.nameZh()
                + (region == null ? "" : region == Destination.HK ? "（香港）" : "（澳门）")
                + (note == null ? "" : " (" + note + ")");
        String en = (kind == Kind.MISSING ? "Missing: " : "Not acceptable: ") + item.nameEn()
                + (region == null ? "" : region == Destination.HK ? " (Hong Kong)" : " (Macao)")
                + (note == null ? "" : " (" + note + ")");
        return new Notice(code(), zh, region, en);
    }
}

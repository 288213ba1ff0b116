package cn.hkmo.eligibility.rules.materials;

/** In what form a document is handed in. */
public enum Form {
    /** 提交原件: the office keeps it (form, photo, letters). */
    ORIGINAL,
    /** 提交复印件. */
    COPY,
    /** 交验原件并提交复印件 (or the office keeps a scan). */
    ORIGINAL_AND_COPY,
    /** 交验原件: shown and handed back. */
    SHOW_ORIGINAL
}

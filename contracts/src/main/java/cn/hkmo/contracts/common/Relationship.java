package cn.hkmo.contracts.common;

/** The HK/Macao relative's relationship to the applicant (docs/domain.md#r-t-matrix). */
public enum Relationship {
    /** 配偶. */
    SPOUSE(true, true),
    /** 父母. */
    PARENT(true, false),
    /** 配偶的父母 (姻亲). */
    PARENT_IN_LAW(true, true),
    /** 子女. */
    CHILD(true, false),
    /** 子女的配偶 (姻亲). */
    CHILD_SPOUSE(true, true),
    /** 兄弟姐妹, full and half siblings. */
    SIBLING(false, false),
    /** (外)祖父母. */
    GRANDPARENT(false, false),
    /** (外)孙子女. */
    GRANDCHILD(false, false),
    /** 堂/表兄弟姐妹: not eligible for T. */
    COUSIN(false, false),
    /** 兄弟姐妹的配偶: not eligible for T. */
    SIBLING_SPOUSE(false, true),
    /** 叔伯姑舅姨: not eligible for T. */
    UNCLE_OR_AUNT(false, false),
    /** Any other relative: not eligible for T. */
    OTHER(false, false);

    private final boolean immediate;
    private final boolean byMarriage;

    Relationship(boolean immediate, boolean byMarriage) {
        this.immediate = immediate;
        this.byMarriage = byMarriage;
    }

    /** Spouse, parents, parents-in-law, children, children's spouses: the 60+ rule applies to them. */
    public boolean immediate() {
        return immediate;
    }

    /** Spouse and in-laws (姻亲): their kinship proof is never waived [FAQ2 Q35]. */
    public boolean byMarriage() {
        return byMarriage;
    }
}

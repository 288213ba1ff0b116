package cn.hkmo.contracts.common;

/** The relative's status in HK or Macao; all four qualify, only the documents differ (docs/domain.md#r-t-special, #r-t-materials). */
public enum RelativeStatus {
    /** 定居. */
    SETTLED,
    /** 长期居住. */
    LONG_TERM_RESIDENT,
    /** 就业. */
    WORKING,
    /** 就学. */
    STUDYING
}

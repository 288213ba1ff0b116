package cn.hkmo.issuance.deadline;

/** Which rule a case's deadline comes from; shown to supervisors and in the timeline. */
public enum DeadlineBasis {
    /** 7 working days at the hukou office (FAQ Q51). */
    HUKOU_WORKING_DAYS,
    /** 20 days for a non-hukou application (FAQ Q52), counted as the configured unit. */
    NON_HUKOU_DAYS,
    /** Up to 20 working days with the provincial bureau's recorded approval (FAQ Q51). */
    EXTENDED_WORKING_DAYS
}

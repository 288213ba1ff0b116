package cn.hkmo.eligibility.rules.delegation;

/** Who hands in the application at the counter (docs/domain.md#r-delegation). */
public enum Submitter {
    /** The applicant in person (the default [FAQ2 Q45]). */
    APPLICANT,
    /** A person the applicant entrusts with a 委托书 [FAQ2 Q43]. */
    ENTRUSTED_PERSON,
    /** A filed labour-service company, for D of its workers [FAQ2 Q44]. */
    LABOUR_COMPANY,
    /** A filed (备案) enterprise, for S of its staff [FAQ2 Q45(5)]. */
    FILED_ENTERPRISE,
    /** China Travel Service in HK/Macao, for applications to the Shenzhen/Zhuhai visa offices [FAQ2 Q45(4)]. */
    CHINA_TRAVEL_SERVICE
}

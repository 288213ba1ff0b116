package cn.hkmo.eligibility.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The rules that docs/domain.md marks UNCONFIRMED or LOW: they are settings, not code, so an office can
 * align them with a live source without a release. Every one is named in the API documentation.
 */
@ConfigMapping(prefix = "hkmo.eligibility.rules")
public interface EligibilityRulesConfig {

    /** Letter printed for the talent endorsement; no source states it (docs/domain.md#r-endorsement-types, UNCONFIRMED). */
    @WithDefault("R")
    String talentLetter();

    /** The day on which age counts for the 60+ family-visit rule (docs/domain.md#r-t-matrix, UNCONFIRMED). */
    @WithDefault("APPLICATION_DATE")
    AgeReference ageReference();

    /** The local 110/385-day margins of permit validity before an endorsement (docs/domain.md#r-endorsements, LOW). */
    PermitMargin permitMargin();

    /**
     * Whether the ten individual-visit cities that no source confirms (Changsha, Nanning, Haikou,
     * Guiyang, Kunming, Shijiazhuang, Zhengzhou, Changchun, Hefei, Wuhan) are on the list (§1.2, UNCONFIRMED).
     */
    @WithDefault("true")
    boolean includeUnconfirmedCities();

    /** Whether registered state employees may apply at any office nationwide (docs/domain.md#r-public-roles, UNCONFIRMED). */
    @WithDefault("true")
    boolean stateEmployeesNationwide();

    /** Shape of a permit number: card "C" + 8, booklet "W" + 8 digits (docs/domain.md#r-permit-form, LOW/UNCONFIRMED). */
    @WithDefault("^(C[0-9A-Z]{8}|W[0-9]{8})$")
    String permitNumberPattern();

    enum AgeReference {
        /** Age in whole years on the application date. */
        APPLICATION_DATE,
        /** Age reached by the end of the application's calendar year. */
        END_OF_APPLICATION_YEAR
    }

    interface PermitMargin {

        /** Off by default: the official rule is only "under 6 months, or shorter than the endorsement" [FAQ2 Q48]. */
        @WithDefault("false")
        boolean enabled();

        /** Days the permit must have left, more than this, for a 3-month endorsement. */
        @WithDefault("110")
        int threeMonthDays();

        /** Days the permit must have left, more than this, for a 1-year endorsement. */
        @WithDefault("385")
        int oneYearDays();
    }
}

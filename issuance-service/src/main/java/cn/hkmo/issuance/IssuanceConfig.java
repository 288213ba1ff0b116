package cn.hkmo.issuance;

import cn.hkmo.issuance.deadline.DeadlineRules;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The service's business settings ({@code hkmo.issuance.*}); defaults are the statutory values of
 * docs/domain.md#r-time-limits.
 */
@ConfigMapping(prefix = "hkmo.issuance")
public interface IssuanceConfig {

    Deadline deadline();

    PermitNumber permitNumber();

    NearDeadline nearDeadline();

    Refusal refusal();

    Courier courier();

    Collection collection();

    interface Deadline {
        @WithDefault("7")
        int hukouWorkingDays();

        @WithDefault("20")
        int nonHukouDays();

        /** FAQ Q52 says "20日": calendar days unless a legal review decides otherwise. */
        @WithDefault("CALENDAR_DAYS")
        DeadlineRules.DayUnit nonHukouUnit();

        @WithDefault("20")
        int maxExtendedWorkingDays();

        /** Whether the acceptance day is day 1 (UNCONFIRMED in the sources; default: it is not). */
        @WithDefault("false")
        boolean acceptanceDayCounts();
    }

    /** docs/domain.md#r-permit-form: "C" + 8 characters is LOW/UNCONFIRMED. */
    interface PermitNumber {
        @WithDefault("C")
        String prefix();

        @WithDefault("8")
        int length();

        /** No I or O: they read as 1 and 0 on a card. */
        @WithDefault("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")
        String alphabet();
    }

    interface NearDeadline {
        /** Default look-ahead of the supervisors' near-deadline view. */
        @WithDefault("2")
        int workingDays();
    }

    interface Refusal {
        /** The remedies printed on the decision document (行政复议 / 行政诉讼). */
        String remedies();
    }

    /** The EMS integration's reports. */
    interface Courier {
        /**
         * How far ahead of the service's clock a reported dispatch or delivery time may be (the courier's clock
         * drifts); later ones are refused, as is a time before the step it follows.
         */
        @WithDefault("PT5M")
        Duration clockSkew();
    }

    /**
     * Permits waiting at the hall. National rules name no period after which an uncollected permit is handled: it is
     * the office's local practice, set here.
     */
    interface Collection {
        /** How long the hall keeps a permit ready for collection. */
        @WithDefault("P90D")
        Duration keepFor();

        /** How long before the end of that period the citizen is reminded, once. */
        @WithDefault("P7D")
        Duration reminderLead();

        /** How often the reminders are looked for ({@code @Scheduled} reads it). */
        String sweepEvery();
    }
}

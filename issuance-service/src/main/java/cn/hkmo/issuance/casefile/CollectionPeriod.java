package cn.hkmo.issuance.casefile;

import cn.hkmo.kit.config.ClockProducer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * How long a hall keeps a permit ready for collection, and when its citizen is reminded. National rules name no
 * period after which an uncollected permit is handled: it is the office's local practice, so both come from
 * configuration ({@code hkmo.issuance.collection.*}).
 *
 * @param keepFor      from the moment the permit is ready at the hall
 * @param reminderLead how long before the end of that period the citizen is reminded (at once if it is longer)
 */
public record CollectionPeriod(Duration keepFor, Duration reminderLead) {

    /** The last day the hall keeps the permit, in business time. */
    public LocalDate collectBy(OffsetDateTime readyAt) {
        return readyAt.plus(keepFor).atZoneSameInstant(ClockProducer.BUSINESS_ZONE).toLocalDate();
    }

    /** Whether the reminder of a permit ready since {@code readyAt} is due at {@code now}. */
    public boolean reminderDue(OffsetDateTime readyAt, Instant now) {
        return !readyAt.toInstant().isAfter(readyUpTo(now));
    }

    /** Permits ready at or before this instant are due for their reminder at {@code now}. */
    public Instant readyUpTo(Instant now) {
        return now.minus(keepFor).plus(reminderLead);
    }
}

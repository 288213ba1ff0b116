package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.deadline.DeadlineBasis;
import cn.hkmo.issuance.timeline.TimelineFact;
import cn.hkmo.issuance.timeline.TimelineStep;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One application's story from booking to delivery, with the statutory deadline as the target date.
 *
 * @param status            null while the application has no case yet (booked, checked in, correction notice)
 * @param paid              whether the payments, less refunds, cover the fee now; null without a case (a step
 *                          {@code PAID} followed by {@code REFUNDED} is not paid)
 * @param targetDate        the deadline; null before acceptance
 * @param targetProvisional the deadline rests on the statutory holidays of a year without its notice and may move
 * @param targetNote        why, in the caller's language; only on a provisional deadline
 */
public record Timeline(String applicationNo, String bookingNo, CaseStatus status, Boolean paid, LocalDate targetDate,
                       DeadlineBasis targetBasis, boolean targetProvisional, String targetNote, boolean urgent,
                       List<Step> steps) {

    public record Step(TimelineStep step, OffsetDateTime at, Map<String, String> details) {
    }

    /**
     * Steps in the order they happened; steps within the same second in process order. The sources keep time
     * with different precision (the payment platform reports whole seconds), so a payment made in the second
     * of its acceptance must not appear before it.
     */
    public static List<Step> order(List<TimelineFact> facts) {
        return facts.stream()
                .sorted(Comparator.comparing((TimelineFact f) -> f.at().toInstant().truncatedTo(ChronoUnit.SECONDS))
                        .thenComparing(TimelineFact::step))
                .map(f -> new Step(f.step(), f.at(), f.details()))
                .toList();
    }
}

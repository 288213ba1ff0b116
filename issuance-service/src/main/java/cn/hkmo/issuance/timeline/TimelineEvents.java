package cn.hkmo.issuance.timeline;

import cn.hkmo.contracts.EventCatalog;
import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.applications.ApplicationNotAccepted;
import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.appointments.BookingNoShow;
import cn.hkmo.contracts.appointments.BookingRescheduled;
import cn.hkmo.contracts.issuance.CaseOpened;
import cn.hkmo.contracts.issuance.CollectionDeadlineNear;
import cn.hkmo.contracts.issuance.DeadlineChanged;
import cn.hkmo.contracts.issuance.DecisionApproved;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.contracts.issuance.PermitCollected;
import cn.hkmo.contracts.issuance.PermitDelivered;
import cn.hkmo.contracts.issuance.PermitDispatched;
import cn.hkmo.contracts.issuance.PermitIssued;
import cn.hkmo.contracts.payments.FeeAssessed;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.contracts.payments.PaymentRefunded;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the events of every service as timeline steps. Events that are no step of a timeline give empty. */
public final class TimelineEvents {

    /** The step each event type stands for, by its payload's entry in the EventCatalog; null: no step. */
    private static final Map<String, Function<EventEnvelope, TimelineFact>> STEPS = new HashMap<>();

    private TimelineEvents() {
    }

    static {
        step(BookingBooked.class, (e, b) ->
                fact(e, TimelineStep.BOOKED, null, b.bookingNo(), b.applicant().subject(), b.bookedAt(),
                        details("hallId", b.hallId(), "date", b.date(), "windowStart", b.windowStart(),
                                "windowEnd", b.windowEnd())));
        step(BookingRescheduled.class, (e, b) ->
                fact(e, TimelineStep.RESCHEDULED, null, b.bookingNo(), b.subject(), b.rescheduledAt(),
                        details("hallId", b.hallId(), "date", b.date(), "windowStart", b.windowStart(),
                                "windowEnd", b.windowEnd())));
        step(BookingCancelled.class, (e, b) ->
                fact(e, TimelineStep.BOOKING_CANCELLED, null, b.bookingNo(), b.subject(), b.cancelledAt(),
                        details("hallId", b.hallId(), "reason", b.reason())));
        step(BookingCheckedIn.class, (e, b) ->
                fact(e, TimelineStep.CHECKED_IN, null, b.bookingNo(), b.subject(), b.checkedInAt(),
                        details("hallId", b.hallId())));
        step(BookingNoShow.class, (e, b) ->
                fact(e, TimelineStep.NO_SHOW, null, b.bookingNo(), b.subject(), b.recordedAt(),
                        details("hallId", b.hallId(), "date", b.date())));
        step(CorrectionRequested.class, (e, c) -> {
            String items = c.items() == null ? "" : c.items().stream()
                    .map(n -> n.description() != null ? n.description() : n.code()).collect(Collectors.joining("；"));
            return fact(e, TimelineStep.CORRECTION_REQUESTED, null, c.bookingNo(), c.subject(), c.issuedAt(),
                    details("hallId", c.hallId(), "noticeNo", c.noticeNo(), "items", items));
        });
        step(ApplicationNotAccepted.class, (e, n) ->
                fact(e, TimelineStep.NOT_ACCEPTED, null, n.bookingNo(), n.subject(), n.decidedAt(),
                        details("hallId", n.hallId(), "reason", n.reason())));
        step(ApplicationAccepted.class, (e, a) ->
                fact(e, TimelineStep.ACCEPTED, a.applicationNo(), a.bookingNo(), a.applicant().subject(),
                        a.acceptedAt(), details("hallId", a.hallId(), "receiptNo", a.receiptNo())));
        step(FeeAssessed.class, (e, f) ->
                fact(e, TimelineStep.FEE_ASSESSED, f.applicationNo(), null, f.subject(), f.assessedAt(),
                        details("orderNo", f.orderNo(), "totalFen", f.totalFen())));
        step(PaymentCompleted.class, (e, p) -> fact(e, TimelineStep.PAID, p.applicationNo(), null, null, p.paidAt(),
                details("orderNo", p.orderNo(), "amountFen", p.amountFen(), "channel", p.channel())));
        step(PaymentRefunded.class, (e, p) ->
                fact(e, TimelineStep.REFUNDED, p.applicationNo(), null, null, p.refundedAt(),
                        details("orderNo", p.orderNo(), "refundNo", p.refundNo(), "amountFen", p.amountFen())));
        step(CaseOpened.class, (e, c) ->
                fact(e, TimelineStep.UNDER_REVIEW, c.applicationNo(), null, c.subject(), c.openedAt(),
                        details("deadline", c.deadline(), "deadlineProvisional", c.deadlineProvisional(),
                                "urgent", c.urgent())));
        step(DeadlineChanged.class, (e, d) -> {
            if (DeadlineChanged.EXTENDED.equals(d.reason())) {
                return fact(e, TimelineStep.DEADLINE_EXTENDED, d.applicationNo(), null, d.subject(), d.changedAt(),
                        details("deadline", d.deadline(), "workingDays", d.days(),
                                "deadlineProvisional", d.provisional()));
            }
            // a notice that only confirms the date is no step for the citizen; one that moves it is
            return d.deadline().equals(d.previousDeadline()) ? null
                    : fact(e, TimelineStep.DEADLINE_RECOMPUTED, d.applicationNo(), null, d.subject(), d.changedAt(),
                            details("previousDeadline", d.previousDeadline(), "deadline", d.deadline(),
                                    "deadlineProvisional", d.provisional()));
        });
        step(DecisionApproved.class, (e, d) ->
                fact(e, TimelineStep.APPROVED, d.applicationNo(), null, d.subject(), d.decidedAt(), Map.of()));
        step(DecisionRefused.class, (e, d) ->
                fact(e, TimelineStep.REFUSED, d.applicationNo(), null, d.subject(), d.decidedAt(),
                        details("decisionNo", d.decisionNo())));
        step(PermitIssued.class, (e, p) ->
                fact(e, TimelineStep.ISSUED, p.applicationNo(), null, p.subject(), p.issuedAt(),
                        details("permitNo", p.permitNo(), "newCard", p.newCard(),
                                "permitValidUntil", p.permitValidUntil())));
        step(PermitDispatched.class, (e, p) ->
                fact(e, TimelineStep.DISPATCHED, p.applicationNo(), null, p.subject(), p.dispatchedAt(),
                        details("waybillNo", p.waybillNo(), "place", p.place())));
        step(PermitDelivered.class, (e, p) ->
                fact(e, TimelineStep.DELIVERED, p.applicationNo(), null, p.subject(), p.deliveredAt(),
                        details("waybillNo", p.waybillNo(), "place", p.place())));
        step(PermitCollected.class, (e, p) ->
                fact(e, TimelineStep.COLLECTED, p.applicationNo(), null, p.subject(), p.collectedAt(),
                        details("hallId", p.hallId(), "byProxy", p.byProxy())));
        step(CollectionDeadlineNear.class, (e, c) ->
                fact(e, TimelineStep.COLLECTION_DEADLINE_NEAR, c.applicationNo(), null, c.subject(), c.remindedAt(),
                        details("hallId", c.hallId(), "collectBy", c.collectBy())));
    }

    public static Optional<TimelineFact> stepOf(EventEnvelope e) {
        return Optional.ofNullable(STEPS.get(e.type())).map(step -> step.apply(e));
    }

    private static <P extends Record> void step(Class<P> payload, BiFunction<EventEnvelope, P, TimelineFact> reading) {
        STEPS.put(EventCatalog.of(payload).type(), e -> reading.apply(e, e.dataAs(payload)));
    }

    private static TimelineFact fact(EventEnvelope e, TimelineStep step, String applicationNo, String bookingNo,
                                     String subject, OffsetDateTime at, Map<String, String> details) {
        return new TimelineFact(e.id(), step, applicationNo, bookingNo, subject, at != null ? at : e.time(), details);
    }

    /** Key-value pairs as text; null values are left out. */
    static Map<String, String> details(Object... keyValues) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                details.put((String) keyValues[i], String.valueOf(keyValues[i + 1]));
            }
        }
        return details;
    }
}

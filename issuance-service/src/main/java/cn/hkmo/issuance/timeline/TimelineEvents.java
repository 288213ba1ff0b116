package cn.hkmo.issuance.timeline;

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

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads the events of every service as timeline steps. Events that are no step of a timeline give empty. */
public final class TimelineEvents {

    private TimelineEvents() {
    }

    public static Optional<TimelineFact> stepOf(EventEnvelope e) {
        return Optional.ofNullable(switch (e.type()) {
            case BookingBooked.TYPE -> {
                BookingBooked b = e.dataAs(BookingBooked.class);
                yield fact(e, TimelineStep.BOOKED, null, b.bookingNo(), b.applicant().subject(), b.bookedAt(),
                        details("hallId", b.hallId(), "date", b.date(), "windowStart", b.windowStart(), "windowEnd", b.windowEnd()));
            }
            case BookingRescheduled.TYPE -> {
                BookingRescheduled b = e.dataAs(BookingRescheduled.class);
                yield fact(e, TimelineStep.RESCHEDULED, null, b.bookingNo(), b.subject(), b.rescheduledAt(),
                        details("hallId", b.hallId(), "date", b.date(), "windowStart", b.windowStart(), "windowEnd", b.windowEnd()));
            }
            case BookingCancelled.TYPE -> {
                BookingCancelled b = e.dataAs(BookingCancelled.class);
                yield fact(e, TimelineStep.BOOKING_CANCELLED, null, b.bookingNo(), b.subject(), b.cancelledAt(),
                        details("hallId", b.hallId(), "reason", b.reason()));
            }
            case BookingCheckedIn.TYPE -> {
                BookingCheckedIn b = e.dataAs(BookingCheckedIn.class);
                yield fact(e, TimelineStep.CHECKED_IN, null, b.bookingNo(), b.subject(), b.checkedInAt(),
                        details("hallId", b.hallId()));
            }
            case BookingNoShow.TYPE -> {
                BookingNoShow b = e.dataAs(BookingNoShow.class);
                yield fact(e, TimelineStep.NO_SHOW, null, b.bookingNo(), b.subject(), b.recordedAt(),
                        details("hallId", b.hallId(), "date", b.date()));
            }
            case CorrectionRequested.TYPE -> {
                CorrectionRequested c = e.dataAs(CorrectionRequested.class);
                String items = c.items() == null ? "" : c.items().stream()
                        .map(n -> n.description() != null ? n.description() : n.code()).collect(Collectors.joining("；"));
                yield fact(e, TimelineStep.CORRECTION_REQUESTED, null, c.bookingNo(), c.subject(), c.issuedAt(),
                        details("hallId", c.hallId(), "noticeNo", c.noticeNo(), "items", items));
            }
            case ApplicationNotAccepted.TYPE -> {
                ApplicationNotAccepted n = e.dataAs(ApplicationNotAccepted.class);
                yield fact(e, TimelineStep.NOT_ACCEPTED, null, n.bookingNo(), n.subject(), n.decidedAt(),
                        details("hallId", n.hallId(), "reason", n.reason()));
            }
            case ApplicationAccepted.TYPE -> {
                ApplicationAccepted a = e.dataAs(ApplicationAccepted.class);
                yield fact(e, TimelineStep.ACCEPTED, a.applicationNo(), a.bookingNo(), a.applicant().subject(), a.acceptedAt(),
                        details("hallId", a.hallId(), "receiptNo", a.receiptNo()));
            }
            case FeeAssessed.TYPE -> {
                FeeAssessed f = e.dataAs(FeeAssessed.class);
                yield fact(e, TimelineStep.FEE_ASSESSED, f.applicationNo(), null, f.subject(), f.assessedAt(),
                        details("orderNo", f.orderNo(), "totalFen", f.totalFen()));
            }
            case PaymentCompleted.TYPE -> {
                PaymentCompleted p = e.dataAs(PaymentCompleted.class);
                yield fact(e, TimelineStep.PAID, p.applicationNo(), null, null, p.paidAt(),
                        details("orderNo", p.orderNo(), "amountFen", p.amountFen(), "channel", p.channel()));
            }
            case PaymentRefunded.TYPE -> {
                PaymentRefunded p = e.dataAs(PaymentRefunded.class);
                yield fact(e, TimelineStep.REFUNDED, p.applicationNo(), null, null, p.refundedAt(),
                        details("orderNo", p.orderNo(), "refundNo", p.refundNo(), "amountFen", p.amountFen()));
            }
            case CaseOpened.TYPE -> {
                CaseOpened c = e.dataAs(CaseOpened.class);
                yield fact(e, TimelineStep.UNDER_REVIEW, c.applicationNo(), null, c.subject(), c.openedAt(),
                        details("deadline", c.deadline(), "deadlineProvisional", c.deadlineProvisional(), "urgent", c.urgent()));
            }
            case DeadlineChanged.TYPE -> {
                DeadlineChanged d = e.dataAs(DeadlineChanged.class);
                if (DeadlineChanged.EXTENDED.equals(d.reason())) {
                    yield fact(e, TimelineStep.DEADLINE_EXTENDED, d.applicationNo(), null, d.subject(), d.changedAt(),
                            details("deadline", d.deadline(), "workingDays", d.days(), "deadlineProvisional", d.provisional()));
                }
                // a notice that only confirms the date is no step for the citizen; one that moves it is
                yield d.deadline().equals(d.previousDeadline()) ? null
                        : fact(e, TimelineStep.DEADLINE_RECOMPUTED, d.applicationNo(), null, d.subject(), d.changedAt(),
                        details("previousDeadline", d.previousDeadline(), "deadline", d.deadline(),
                                "deadlineProvisional", d.provisional()));
            }
            case DecisionApproved.TYPE -> {
                DecisionApproved d = e.dataAs(DecisionApproved.class);
                yield fact(e, TimelineStep.APPROVED, d.applicationNo(), null, d.subject(), d.decidedAt(), Map.of());
            }
            case DecisionRefused.TYPE -> {
                DecisionRefused d = e.dataAs(DecisionRefused.class);
                yield fact(e, TimelineStep.REFUSED, d.applicationNo(), null, d.subject(), d.decidedAt(),
                        details("decisionNo", d.decisionNo()));
            }
            case PermitIssued.TYPE -> {
                PermitIssued p = e.dataAs(PermitIssued.class);
                yield fact(e, TimelineStep.ISSUED, p.applicationNo(), null, p.subject(), p.issuedAt(),
                        details("permitNo", p.permitNo(), "newCard", p.newCard(), "permitValidUntil", p.permitValidUntil()));
            }
            case PermitDispatched.TYPE -> {
                PermitDispatched p = e.dataAs(PermitDispatched.class);
                yield fact(e, TimelineStep.DISPATCHED, p.applicationNo(), null, p.subject(), p.dispatchedAt(),
                        details("waybillNo", p.waybillNo(), "place", p.place()));
            }
            case PermitDelivered.TYPE -> {
                PermitDelivered p = e.dataAs(PermitDelivered.class);
                yield fact(e, TimelineStep.DELIVERED, p.applicationNo(), null, p.subject(), p.deliveredAt(),
                        details("waybillNo", p.waybillNo(), "place", p.place()));
            }
            case PermitCollected.TYPE -> {
                PermitCollected p = e.dataAs(PermitCollected.class);
                yield fact(e, TimelineStep.COLLECTED, p.applicationNo(), null, p.subject(), p.collectedAt(),
                        details("hallId", p.hallId(), "byProxy", p.byProxy()));
            }
            case CollectionDeadlineNear.TYPE -> {
                CollectionDeadlineNear c = e.dataAs(CollectionDeadlineNear.class);
                yield fact(e, TimelineStep.COLLECTION_DEADLINE_NEAR, c.applicationNo(), null, c.subject(), c.remindedAt(),
                        details("hallId", c.hallId(), "collectBy", c.collectBy()));
            }
            default -> null;
        });
    }

    private static TimelineFact fact(EventEnvelope e, TimelineStep step, String applicationNo, String bookingNo,
                                     String subject, java.time.OffsetDateTime at, Map<String, String> details) {
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

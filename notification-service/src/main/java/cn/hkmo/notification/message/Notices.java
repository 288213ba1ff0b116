package cn.hkmo.notification.message;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.applications.ApplicationNotAccepted;
import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.BookingRescheduled;
import cn.hkmo.contracts.appointments.PlaceOffered;
import cn.hkmo.contracts.appointments.ReminderDue;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.issuance.CollectionDeadlineNear;
import cn.hkmo.contracts.issuance.DecisionApproved;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.contracts.issuance.PermitDelivered;
import cn.hkmo.contracts.issuance.PermitDispatched;
import cn.hkmo.contracts.issuance.PermitIssued;
import cn.hkmo.contracts.payments.FeeAssessed;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.contracts.payments.PaymentRefunded;
import cn.hkmo.kit.config.ClockProducer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which events a citizen is told of, and what each says: a plain function of the event, so every kind is unit-tested
 * without a container. Events that name no citizen (written before the field existed) tell nobody.
 */
public final class Notices {

    static final String BOOKING_CONFIRMED = "booking-confirmed";
    static final String BOOKING_RESCHEDULED = "booking-rescheduled";
    static final String BOOKING_CANCELLED = "booking-cancelled";
    static final String BOOKING_CANCELLED_HALL_CLOSED = "booking-cancelled-hall-closed";
    static final String REMINDER = "reminder";
    static final String PLACE_OFFERED = "place-offered";
    static final String APPLICATION_ACCEPTED = "application-accepted";
    static final String CORRECTION_REQUESTED = "correction-requested";
    static final String APPLICATION_NOT_ACCEPTED = "application-not-accepted";
    static final String FEE_DUE = "fee-due";
    static final String FEE_PAID = "fee-paid";
    static final String FEE_REFUNDED = "fee-refunded";
    static final String APPROVED = "approved";
    static final String REFUSED = "refused";
    static final String READY_FOR_COLLECTION = "ready-for-collection";
    static final String COLLECTION_DEADLINE_NEAR = "collection-deadline-near";
    static final String DISPATCHED = "dispatched";
    static final String DELIVERED = "delivered";

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final String linkBase;

    public Notices(String linkBase) {
        this.linkBase = linkBase;
    }

    public Optional<Notice> of(EventEnvelope event) {
        return Optional.ofNullable(switch (event.type()) {
            case BookingBooked.TYPE -> {
                BookingBooked e = event.dataAs(BookingBooked.class);
                yield e.applicant() == null ? null : notice(e.applicant().subject(), BOOKING_CONFIRMED,
                        params("bookingNo", e.bookingNo(), "hallId", e.hallId(), "date", day(e.date()), "window", time(e.windowStart())),
                        "/bookings/" + e.bookingNo(), false);
            }
            case BookingRescheduled.TYPE -> {
                BookingRescheduled e = event.dataAs(BookingRescheduled.class);
                yield notice(e.subject(), BOOKING_RESCHEDULED,
                        params("bookingNo", e.bookingNo(), "hallId", e.hallId(), "date", day(e.date()), "window", time(e.windowStart())),
                        "/bookings/" + e.bookingNo(), false);
            }
            case BookingCancelled.TYPE -> {
                BookingCancelled e = event.dataAs(BookingCancelled.class);
                yield "HALL_CLOSED".equals(e.reason())
                        // the link leads to the hall's windows: a rebook there is served first (priority)
                        ? notice(e.subject(), BOOKING_CANCELLED_HALL_CLOSED,
                        params("bookingNo", e.bookingNo(), "hallId", e.hallId(), "date", day(e.date())),
                        "/availability?hallId=" + e.hallId(), false)
                        : notice(e.subject(), BOOKING_CANCELLED, params("bookingNo", e.bookingNo(), "date", day(e.date())),
                        "/bookings/" + e.bookingNo(), false);
            }
            case ReminderDue.TYPE -> {
                ReminderDue e = event.dataAs(ReminderDue.class);
                yield notice(e.subject(), REMINDER,
                        params("bookingNo", e.bookingNo(), "hallId", e.hallId(), "date", day(e.date()), "window", time(e.windowStart())),
                        "/bookings/" + e.bookingNo(), false);
            }
            case PlaceOffered.TYPE -> {
                PlaceOffered e = event.dataAs(PlaceOffered.class);
                yield notice(e.subject(), PLACE_OFFERED,
                        params("hallId", e.hallId(), "date", day(e.date()), "window", time(e.windowStart()),
                                "expiresAt", minute(e.expiresAt())),
                        "/holds/" + e.holdId(), true);
            }
            case ApplicationAccepted.TYPE -> {
                ApplicationAccepted e = event.dataAs(ApplicationAccepted.class);
                yield e.applicant() == null ? null : notice(e.applicant().subject(), APPLICATION_ACCEPTED,
                        params("applicationNo", e.applicationNo(), "receiptNo", e.receiptNo()),
                        "/timeline/" + e.applicationNo(), false);
            }
            case CorrectionRequested.TYPE -> {
                CorrectionRequested e = event.dataAs(CorrectionRequested.class);
                String items = e.items() == null ? "" : e.items().stream().map(cn.hkmo.contracts.common.Notice::description)
                        .collect(Collectors.joining("; "));
                yield notice(e.subject(), CORRECTION_REQUESTED,
                        params("noticeNo", e.noticeNo(), "count", String.valueOf(e.items() == null ? 0 : e.items().size()),
                                "items", items),
                        "/intake/my/notices/" + e.noticeNo(), false);
            }
            case ApplicationNotAccepted.TYPE -> {
                ApplicationNotAccepted e = event.dataAs(ApplicationNotAccepted.class);
                yield notice(e.subject(), APPLICATION_NOT_ACCEPTED, params("bookingNo", e.bookingNo(), "reason", e.reason()),
                        "/bookings/" + e.bookingNo(), false);
            }
            case FeeAssessed.TYPE -> {
                FeeAssessed e = event.dataAs(FeeAssessed.class);
                yield notice(e.subject(), FEE_DUE,
                        params("applicationNo", e.applicationNo(), "amount", yuan(e.totalFen()), "orderNo", e.orderNo()),
                        "/fees/orders/" + e.orderNo(), false);
            }
            case PaymentCompleted.TYPE -> {
                PaymentCompleted e = event.dataAs(PaymentCompleted.class);
                yield notice(e.subject(), FEE_PAID,
                        params("applicationNo", e.applicationNo(), "amount", yuan(e.amountFen()), "orderNo", e.orderNo()),
                        "/fees/orders/" + e.orderNo(), false);
            }
            case PaymentRefunded.TYPE -> {
                PaymentRefunded e = event.dataAs(PaymentRefunded.class);
                yield notice(e.subject(), FEE_REFUNDED,
                        params("applicationNo", e.applicationNo(), "amount", yuan(e.amountFen()), "refundNo", e.refundNo()),
                        "/fees/orders/" + e.orderNo(), false);
            }
            case DecisionApproved.TYPE -> {
                DecisionApproved e = event.dataAs(DecisionApproved.class);
                yield notice(e.subject(), APPROVED, params("applicationNo", e.applicationNo()),
                        "/timeline/" + e.applicationNo(), false);
            }
            case DecisionRefused.TYPE -> {
                DecisionRefused e = event.dataAs(DecisionRefused.class);
                yield notice(e.subject(), REFUSED, params("applicationNo", e.applicationNo(), "decisionNo", e.decisionNo()),
                        "/cases/" + e.applicationNo() + "/refusal", false);
            }
            case PermitIssued.TYPE -> {
                PermitIssued e = event.dataAs(PermitIssued.class);
                // Mailed permits are told of when they leave (dispatched); an unknown method tells nothing rather than a guess.
                yield e.collection() != CollectionMethod.HALL ? null : notice(e.subject(), READY_FOR_COLLECTION,
                        params("applicationNo", e.applicationNo(), "hallId", e.hallId()),
                        "/timeline/" + e.applicationNo(), false);
            }
            case CollectionDeadlineNear.TYPE -> {
                CollectionDeadlineNear e = event.dataAs(CollectionDeadlineNear.class);
                yield notice(e.subject(), COLLECTION_DEADLINE_NEAR,
                        params("applicationNo", e.applicationNo(), "hallId", e.hallId(), "collectBy", day(e.collectBy())),
                        "/timeline/" + e.applicationNo(), false);
            }
            case PermitDispatched.TYPE -> {
                PermitDispatched e = event.dataAs(PermitDispatched.class);
                yield notice(e.subject(), DISPATCHED, params("applicationNo", e.applicationNo(), "waybillNo", e.waybillNo()),
                        "/timeline/" + e.applicationNo(), false);
            }
            case PermitDelivered.TYPE -> {
                PermitDelivered e = event.dataAs(PermitDelivered.class);
                yield notice(e.subject(), DELIVERED, params("applicationNo", e.applicationNo(), "waybillNo", e.waybillNo()),
                        "/timeline/" + e.applicationNo(), false);
            }
            default -> null;
        });
    }

    private Notice notice(String recipient, String kind, Map<String, String> params, String link, boolean timeCritical) {
        return recipient == null || recipient.isBlank() ? null : new Notice(recipient, kind, params, linkBase + link, timeCritical);
    }

    private static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return params;
    }

    private static String day(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String time(LocalTime time) {
        return time == null ? "" : TIME.format(time);
    }

    private static String minute(OffsetDateTime at) {
        return at == null ? "" : MINUTE.format(at.atZoneSameInstant(ClockProducer.BUSINESS_ZONE));
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}

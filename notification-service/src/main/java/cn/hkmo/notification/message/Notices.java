package cn.hkmo.notification.message;

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
 * Which events a citizen is told of, and what each says: one plain function per event payload, so every kind is
 * unit-tested without a container. Events that name no citizen (written before the field existed) tell nobody.
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

    public Optional<Notice> booked(BookingBooked e) {
        return e.applicant() == null ? Optional.empty() : notice(e.applicant().subject(), BOOKING_CONFIRMED,
                params("bookingNo", e.bookingNo(), "hallId", e.hallId(), "date", day(e.date()), "window", time(e.windowStart())),
                "/bookings/" + e.bookingNo(), false);
    }

    public Optional<Notice> rescheduled(BookingRescheduled e) {
        return notice(e.subject(), BOOKING_RESCHEDULED,
                params("bookingNo", e.bookingNo(), "hallId", e.hallId(), "date", day(e.date()), "window", time(e.windowStart())),
                "/bookings/" + e.bookingNo(), false);
    }

    public Optional<Notice> cancelled(BookingCancelled e) {
        return "HALL_CLOSED".equals(e.reason())
                // the link leads to the hall's windows: a rebook there is served first (priority)
                ? notice(e.subject(), BOOKING_CANCELLED_HALL_CLOSED,
                params("bookingNo", e.bookingNo(), "hallId", e.hallId(), "date", day(e.date())),
                "/availability?hallId=" + e.hallId(), false)
                : notice(e.subject(), BOOKING_CANCELLED, params("bookingNo", e.bookingNo(), "date", day(e.date())),
                "/bookings/" + e.bookingNo(), false);
    }

    public Optional<Notice> reminderDue(ReminderDue e) {
        return notice(e.subject(), REMINDER,
                params("bookingNo", e.bookingNo(), "hallId", e.hallId(), "date", day(e.date()), "window", time(e.windowStart())),
                "/bookings/" + e.bookingNo(), false);
    }

    public Optional<Notice> placeOffered(PlaceOffered e) {
        return notice(e.subject(), PLACE_OFFERED,
                params("hallId", e.hallId(), "date", day(e.date()), "window", time(e.windowStart()),
                        "expiresAt", minute(e.expiresAt())),
                "/holds/" + e.holdId(), true);
    }

    public Optional<Notice> accepted(ApplicationAccepted e) {
        return e.applicant() == null ? Optional.empty() : notice(e.applicant().subject(), APPLICATION_ACCEPTED,
                params("applicationNo", e.applicationNo(), "receiptNo", e.receiptNo()),
                "/timeline/" + e.applicationNo(), false);
    }

    public Optional<Notice> correctionRequested(CorrectionRequested e) {
        String items = e.items() == null ? "" : e.items().stream().map(cn.hkmo.contracts.common.Notice::description)
                .collect(Collectors.joining("; "));
        return notice(e.subject(), CORRECTION_REQUESTED,
                params("noticeNo", e.noticeNo(), "count", String.valueOf(e.items() == null ? 0 : e.items().size()),
                        "items", items),
                "/intake/my/notices/" + e.noticeNo(), false);
    }

    public Optional<Notice> notAccepted(ApplicationNotAccepted e) {
        return notice(e.subject(), APPLICATION_NOT_ACCEPTED, params("bookingNo", e.bookingNo(), "reason", e.reason()),
                "/bookings/" + e.bookingNo(), false);
    }

    public Optional<Notice> feeAssessed(FeeAssessed e) {
        return notice(e.subject(), FEE_DUE,
                params("applicationNo", e.applicationNo(), "amount", yuan(e.totalFen()), "orderNo", e.orderNo()),
                "/fees/orders/" + e.orderNo(), false);
    }

    public Optional<Notice> paymentCompleted(PaymentCompleted e) {
        return notice(e.subject(), FEE_PAID,
                params("applicationNo", e.applicationNo(), "amount", yuan(e.amountFen()), "orderNo", e.orderNo()),
                "/fees/orders/" + e.orderNo(), false);
    }

    public Optional<Notice> paymentRefunded(PaymentRefunded e) {
        return notice(e.subject(), FEE_REFUNDED,
                params("applicationNo", e.applicationNo(), "amount", yuan(e.amountFen()), "refundNo", e.refundNo()),
                "/fees/orders/" + e.orderNo(), false);
    }

    public Optional<Notice> approved(DecisionApproved e) {
        return notice(e.subject(), APPROVED, params("applicationNo", e.applicationNo()),
                "/timeline/" + e.applicationNo(), false);
    }

    public Optional<Notice> refused(DecisionRefused e) {
        return notice(e.subject(), REFUSED, params("applicationNo", e.applicationNo(), "decisionNo", e.decisionNo()),
                "/cases/" + e.applicationNo() + "/refusal", false);
    }

    public Optional<Notice> permitIssued(PermitIssued e) {
        // Mailed permits are told of when they leave (dispatched); an unknown method tells nothing rather than a guess.
        return e.collection() != CollectionMethod.HALL ? Optional.empty() : notice(e.subject(), READY_FOR_COLLECTION,
                params("applicationNo", e.applicationNo(), "hallId", e.hallId()),
                "/timeline/" + e.applicationNo(), false);
    }

    public Optional<Notice> collectionDeadlineNear(CollectionDeadlineNear e) {
        return notice(e.subject(), COLLECTION_DEADLINE_NEAR,
                params("applicationNo", e.applicationNo(), "hallId", e.hallId(), "collectBy", day(e.collectBy())),
                "/timeline/" + e.applicationNo(), false);
    }

    public Optional<Notice> dispatched(PermitDispatched e) {
        return notice(e.subject(), DISPATCHED, params("applicationNo", e.applicationNo(), "waybillNo", e.waybillNo()),
                "/timeline/" + e.applicationNo(), false);
    }

    public Optional<Notice> delivered(PermitDelivered e) {
        return notice(e.subject(), DELIVERED, params("applicationNo", e.applicationNo(), "waybillNo", e.waybillNo()),
                "/timeline/" + e.applicationNo(), false);
    }

    private Optional<Notice> notice(String recipient, String kind, Map<String, String> params, String link,
                                    boolean timeCritical) {
        return recipient == null || recipient.isBlank() ? Optional.empty()
                : Optional.of(new Notice(recipient, kind, params, linkBase + link, timeCritical));
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

package cn.hkmo.contracts;

import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.applications.ApplicationNotAccepted;
import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.appointments.BookingNoShow;
import cn.hkmo.contracts.appointments.BookingRescheduled;
import cn.hkmo.contracts.appointments.HallClosed;
import cn.hkmo.contracts.appointments.PlaceOffered;
import cn.hkmo.contracts.appointments.ReminderDue;
import cn.hkmo.contracts.issuance.CalendarNoticeLoaded;
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
import cn.hkmo.contracts.payments.OrderClosed;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.contracts.payments.PaymentRefunded;

import java.util.List;
import java.util.Optional;

/**
 * Every event type of the suite: its payload record, topic, record key, producer and consumers. The JSON schemas in
 * {@code schemas/<type>.json}, the AsyncAPI document ({@code docs/asyncapi.yaml}) and the catalogue in
 * {@code docs/conventions.md} are made from this list; a test in this module fails when a record with a {@code TYPE}
 * constant is missing here or a committed schema differs from its record.
 */
public final class EventCatalog {

    public static final String APPOINTMENT_SERVICE = "appointment-service";
    public static final String ELIGIBILITY_SERVICE = "eligibility-service";
    public static final String FEE_SERVICE = "fee-service";
    public static final String ISSUANCE_SERVICE = "issuance-service";
    public static final String NOTIFICATION_SERVICE = "notification-service";

    /** Record keys. */
    public static final String BOOKING_NO = "booking number";
    public static final String APPLICATION_NO = "application number";
    public static final String HOLD_ID = "hold id";
    public static final String HALL_ID = "hall id";
    public static final String YEAR = "year";

    /**
     * One event type.
     *
     * @param type      CloudEvents {@code type}, with its version
     * @param payload   the record in {@code data}
     * @param topic     where it is published (poison copies land on {@code <topic>.dlq})
     * @param key       what the record key (and the envelope's {@code subject}) is
     * @param producer  the only service that publishes it (CloudEvents {@code source} = {@code /<producer>})
     * @param consumers the services that read it today
     * @param summary   one line on what happened
     */
    public record EventType(String type, Class<? extends Record> payload, String topic, String key, String producer,
                            List<String> consumers, String summary) {

        public EventType {
            consumers = List.copyOf(consumers);
        }

        /** The CloudEvents {@code source} of this type. */
        public String source() {
            return "/" + producer;
        }
    }

    public static final List<EventType> ALL = List.of(
            new EventType(BookingBooked.TYPE, BookingBooked.class, Topics.APPOINTMENTS, BOOKING_NO, APPOINTMENT_SERVICE,
                    List.of(ELIGIBILITY_SERVICE, ISSUANCE_SERVICE, NOTIFICATION_SERVICE),
                    "A citizen booked a window at a hall (预约成功); carries the applicant and the hall's region."),
            new EventType(BookingRescheduled.TYPE, BookingRescheduled.class, Topics.APPOINTMENTS, BOOKING_NO, APPOINTMENT_SERVICE,
                    List.of(ELIGIBILITY_SERVICE, ISSUANCE_SERVICE, NOTIFICATION_SERVICE),
                    "A booking moved to another window, possibly at another hall (with that hall's region)."),
            new EventType(BookingCancelled.TYPE, BookingCancelled.class, Topics.APPOINTMENTS, BOOKING_NO, APPOINTMENT_SERVICE,
                    List.of(ELIGIBILITY_SERVICE, ISSUANCE_SERVICE, NOTIFICATION_SERVICE),
                    "A booking was cancelled by the citizen, or by a hall closure (reason HALL_CLOSED)."),
            new EventType(BookingCheckedIn.TYPE, BookingCheckedIn.class, Topics.APPOINTMENTS, BOOKING_NO, APPOINTMENT_SERVICE,
                    List.of(ELIGIBILITY_SERVICE, ISSUANCE_SERVICE),
                    "The citizen checked in at the hall; the counter may take the application."),
            new EventType(BookingNoShow.TYPE, BookingNoShow.class, Topics.APPOINTMENTS, BOOKING_NO, APPOINTMENT_SERVICE,
                    List.of(ELIGIBILITY_SERVICE),
                    "The citizen did not come in the booked window (爽约)."),
            new EventType(ReminderDue.TYPE, ReminderDue.class, Topics.APPOINTMENTS, BOOKING_NO, APPOINTMENT_SERVICE,
                    List.of(NOTIFICATION_SERVICE),
                    "Time to remind the citizen of an appointment."),
            new EventType(HallClosed.TYPE, HallClosed.class, Topics.APPOINTMENTS, HALL_ID, APPOINTMENT_SERVICE,
                    List.of(ELIGIBILITY_SERVICE),
                    "A hall closed for a day; its bookings that day are cancelled (each also gets appointment.cancelled.v1)."),
            new EventType(PlaceOffered.TYPE, PlaceOffered.class, Topics.APPOINTMENTS, HOLD_ID, APPOINTMENT_SERVICE,
                    List.of(NOTIFICATION_SERVICE),
                    "A freed place is held for a waitlisted citizen until expiresAt."),

            new EventType(ApplicationAccepted.TYPE, ApplicationAccepted.class, Topics.APPLICATIONS, APPLICATION_NO,
                    ELIGIBILITY_SERVICE, List.of(APPOINTMENT_SERVICE, FEE_SERVICE, ISSUANCE_SERVICE, NOTIFICATION_SERVICE),
                    "The counter accepted an application (受理) and issued a receipt (受理回执)."),
            new EventType(CorrectionRequested.TYPE, CorrectionRequested.class, Topics.APPLICATIONS, BOOKING_NO,
                    ELIGIBILITY_SERVICE, List.of(APPOINTMENT_SERVICE, ISSUANCE_SERVICE, NOTIFICATION_SERVICE),
                    "The application is incomplete: one notice lists every missing or wrong item (一次性告知)."),
            new EventType(ApplicationNotAccepted.TYPE, ApplicationNotAccepted.class, Topics.APPLICATIONS, BOOKING_NO,
                    ELIGIBILITY_SERVICE, List.of(APPOINTMENT_SERVICE, ISSUANCE_SERVICE, NOTIFICATION_SERVICE),
                    "The application is not accepted (不予受理), with the reason."),

            new EventType(FeeAssessed.TYPE, FeeAssessed.class, Topics.PAYMENTS, APPLICATION_NO, FEE_SERVICE,
                    List.of(ISSUANCE_SERVICE, NOTIFICATION_SERVICE),
                    "The fee of an accepted application was assessed and a payment order opened."),
            new EventType(PaymentCompleted.TYPE, PaymentCompleted.class, Topics.PAYMENTS, APPLICATION_NO, FEE_SERVICE,
                    List.of(ISSUANCE_SERVICE, NOTIFICATION_SERVICE),
                    "The order was paid in full (third-party platform or counter)."),
            new EventType(PaymentRefunded.TYPE, PaymentRefunded.class, Topics.PAYMENTS, APPLICATION_NO, FEE_SERVICE,
                    List.of(ISSUANCE_SERVICE, NOTIFICATION_SERVICE),
                    "Money went back to the payer for one refund request."),
            new EventType(OrderClosed.TYPE, OrderClosed.class, Topics.PAYMENTS, APPLICATION_NO, FEE_SERVICE,
                    List.of(),
                    "An unpaid order closed (expired or withdrawn)."),

            new EventType(CaseOpened.TYPE, CaseOpened.class, Topics.ISSUANCE, APPLICATION_NO, ISSUANCE_SERVICE,
                    List.of(),
                    "Review case opened for an accepted application, with its statutory deadline (provisional or final)."),
            new EventType(DeadlineChanged.TYPE, DeadlineChanged.class, Topics.ISSUANCE, APPLICATION_NO, ISSUANCE_SERVICE,
                    List.of(),
                    "A case's statutory deadline changed: an extension, or a holiday notice made a provisional deadline final."),
            new EventType(DecisionApproved.TYPE, DecisionApproved.class, Topics.ISSUANCE, APPLICATION_NO, ISSUANCE_SERVICE,
                    List.of(NOTIFICATION_SERVICE),
                    "The reviewer approved the application."),
            new EventType(DecisionRefused.TYPE, DecisionRefused.class, Topics.ISSUANCE, APPLICATION_NO, ISSUANCE_SERVICE,
                    List.of(FEE_SERVICE, NOTIFICATION_SERVICE),
                    "The reviewer refused the application (不予批准决定书, with the reasons)."),
            new EventType(PermitIssued.TYPE, PermitIssued.class, Topics.ISSUANCE, APPLICATION_NO, ISSUANCE_SERVICE,
                    List.of(NOTIFICATION_SERVICE),
                    "The permit and/or endorsements were issued (制证签发)."),
            new EventType(PermitDispatched.TYPE, PermitDispatched.class, Topics.ISSUANCE, APPLICATION_NO, ISSUANCE_SERVICE,
                    List.of(NOTIFICATION_SERVICE),
                    "The permit left by EMS with a waybill."),
            new EventType(PermitDelivered.TYPE, PermitDelivered.class, Topics.ISSUANCE, APPLICATION_NO, ISSUANCE_SERVICE,
                    List.of(NOTIFICATION_SERVICE),
                    "EMS delivered the permit."),
            new EventType(PermitCollected.TYPE, PermitCollected.class, Topics.ISSUANCE, APPLICATION_NO, ISSUANCE_SERVICE,
                    List.of(),
                    "The permit was collected at the hall by the applicant or an authorised proxy."),
            new EventType(CollectionDeadlineNear.TYPE, CollectionDeadlineNear.class, Topics.ISSUANCE, APPLICATION_NO,
                    ISSUANCE_SERVICE, List.of(NOTIFICATION_SERVICE),
                    "A permit ready at the hall is near the end of the period the hall keeps it (once per permit)."),
            new EventType(CalendarNoticeLoaded.TYPE, CalendarNoticeLoaded.class, Topics.ISSUANCE, YEAR, ISSUANCE_SERVICE,
                    List.of(APPOINTMENT_SERVICE),
                    "An admin loaded a year's State Council holiday notice into the working-day calendar."));

    private EventCatalog() {
    }

    public static Optional<EventType> find(String type) {
        return ALL.stream().filter(event -> event.type().equals(type)).findFirst();
    }

    /** The entry of a payload record; every payload is in the catalogue, so a missing one is a programming error. */
    public static EventType of(Class<? extends Record> payload) {
        return ALL.stream().filter(event -> event.payload().equals(payload)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an event payload of the catalogue: " + payload.getName()));
    }

    /** The types published on {@code topic}, in catalogue order. */
    public static List<EventType> onTopic(String topic) {
        return ALL.stream().filter(event -> event.topic().equals(topic)).toList();
    }
}

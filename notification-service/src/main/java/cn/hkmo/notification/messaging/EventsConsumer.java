package cn.hkmo.notification.messaging;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.applications.ApplicationNotAccepted;
import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.BookingRescheduled;
import cn.hkmo.contracts.appointments.PlaceOffered;
import cn.hkmo.contracts.appointments.ReminderDue;
import cn.hkmo.contracts.issuance.CollectionDeadlineNear;
import cn.hkmo.contracts.issuance.DecisionApproved;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.contracts.issuance.PermitDelivered;
import cn.hkmo.contracts.issuance.PermitDispatched;
import cn.hkmo.contracts.issuance.PermitIssued;
import cn.hkmo.contracts.payments.FeeAssessed;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.contracts.payments.PaymentRefunded;
import cn.hkmo.kit.inbox.EventHandlers;
import cn.hkmo.kit.inbox.Inbox;
import cn.hkmo.notification.NotificationConfig;
import cn.hkmo.notification.delivery.Deliveries;
import cn.hkmo.notification.message.Messages;
import cn.hkmo.notification.message.Notice;
import cn.hkmo.notification.message.Notices;
import cn.hkmo.notification.recipient.Recipients;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Every topic a citizen hears from. Each event is applied once per consumer (kit inbox), and the message row is unique
 * per event id too: one message, and one delivery per channel, whatever the redeliveries.
 */
@ApplicationScoped
public class EventsConsumer {

    private final Inbox inbox;
    private final Messages messages;
    private final Deliveries deliveries;
    /** One set for the four topics: each payload belongs to one topic, so the others never meet it. */
    private final EventHandlers handlers;

    public EventsConsumer(Inbox inbox, Messages messages, Recipients recipients, Deliveries deliveries,
                          NotificationConfig config) {
        this.inbox = inbox;
        this.messages = messages;
        this.deliveries = deliveries;
        Notices notices = new Notices(config.linkBase());
        // Bookings, offers and acceptances name the citizen's mobile (and bookings the client they came through).
        this.handlers = EventHandlers.create()
                .on(BookingBooked.class, (event, booked) -> {
                    if (booked.applicant() != null) {
                        recipients.learn(booked.applicant().subject(), booked.applicant().mobile(), booked.bookedByClient());
                    }
                    tell(event, notices.booked(booked));
                })
                .on(BookingRescheduled.class, telling(notices::rescheduled))
                .on(BookingCancelled.class, telling(notices::cancelled))
                .on(ReminderDue.class, telling(notices::reminderDue))
                .on(PlaceOffered.class, (event, offered) -> {
                    recipients.learn(offered.subject(), offered.mobile(), null);
                    tell(event, notices.placeOffered(offered));
                })
                .on(ApplicationAccepted.class, (event, accepted) -> {
                    if (accepted.applicant() != null) {
                        recipients.learn(accepted.applicant().subject(), accepted.applicant().mobile(), null);
                    }
                    tell(event, notices.accepted(accepted));
                })
                .on(CorrectionRequested.class, telling(notices::correctionRequested))
                .on(ApplicationNotAccepted.class, telling(notices::notAccepted))
                .on(FeeAssessed.class, telling(notices::feeAssessed))
                .on(PaymentCompleted.class, telling(notices::paymentCompleted))
                .on(PaymentRefunded.class, telling(notices::paymentRefunded))
                .on(DecisionApproved.class, telling(notices::approved))
                .on(DecisionRefused.class, telling(notices::refused))
                .on(PermitIssued.class, telling(notices::permitIssued))
                .on(CollectionDeadlineNear.class, telling(notices::collectionDeadlineNear))
                .on(PermitDispatched.class, telling(notices::dispatched))
                .on(PermitDelivered.class, telling(notices::delivered));
    }

    @Incoming("appointments")
    @Blocking
    public void onAppointment(String record) {
        inbox.deliver(record, "notification-appointments", handlers::handle);
    }

    @Incoming("applications")
    @Blocking
    public void onApplication(String record) {
        inbox.deliver(record, "notification-applications", handlers::handle);
    }

    @Incoming("payments")
    @Blocking
    public void onPayment(String record) {
        inbox.deliver(record, "notification-payments", handlers::handle);
    }

    @Incoming("issuance")
    @Blocking
    public void onIssuance(String record) {
        inbox.deliver(record, "notification-issuance", handlers::handle);
    }

    private <P extends Record> BiConsumer<EventEnvelope, P> telling(Function<P, Optional<Notice>> noticeOf) {
        return (event, payload) -> tell(event, noticeOf.apply(payload));
    }

    private void tell(EventEnvelope event, Optional<Notice> notice) {
        notice.ifPresent(n -> deliveries.plan(messages.store(event.id(), event.type(), n)));
    }
}

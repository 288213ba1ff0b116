package cn.hkmo.notification.messaging;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.PlaceOffered;
import cn.hkmo.kit.inbox.Inbox;
import cn.hkmo.notification.NotificationConfig;
import cn.hkmo.notification.delivery.Deliveries;
import cn.hkmo.notification.message.Messages;
import cn.hkmo.notification.message.Notices;
import cn.hkmo.notification.recipient.Recipients;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every topic a citizen hears from. Each event is applied once per consumer (kit inbox), and the message row is unique
 * per event id too: one message, and one delivery per channel, whatever the redeliveries.
 */
@ApplicationScoped
public class EventsConsumer {

    private final Inbox inbox;
    private final Notices notices;
    private final Messages messages;
    private final Recipients recipients;
    private final Deliveries deliveries;

    public EventsConsumer(Inbox inbox, Messages messages, Recipients recipients, Deliveries deliveries,
                          NotificationConfig config) {
        this.inbox = inbox;
        this.notices = new Notices(config.linkBase());
        this.messages = messages;
        this.recipients = recipients;
        this.deliveries = deliveries;
    }

    @Incoming("appointments")
    @Blocking
    public void onAppointment(String record) {
        inbox.deliver(record, "notification-appointments", this::apply);
    }

    @Incoming("applications")
    @Blocking
    public void onApplication(String record) {
        inbox.deliver(record, "notification-applications", this::apply);
    }

    @Incoming("payments")
    @Blocking
    public void onPayment(String record) {
        inbox.deliver(record, "notification-payments", this::apply);
    }

    @Incoming("issuance")
    @Blocking
    public void onIssuance(String record) {
        inbox.deliver(record, "notification-issuance", this::apply);
    }

    void apply(EventEnvelope event) {
        learnRecipient(event);
        notices.of(event).ifPresent(notice -> deliveries.plan(messages.store(event.id(), event.type(), notice)));
    }

    /** Bookings, offers and acceptances name the citizen's mobile (and bookings the client they came through). */
    private void learnRecipient(EventEnvelope event) {
        if (BookingBooked.TYPE.equals(event.type())) {
            BookingBooked booked = event.dataAs(BookingBooked.class);
            if (booked.applicant() != null) {
                recipients.learn(booked.applicant().subject(), booked.applicant().mobile(), booked.bookedByClient());
            }
        } else if (PlaceOffered.TYPE.equals(event.type())) {
            PlaceOffered offered = event.dataAs(PlaceOffered.class);
            recipients.learn(offered.subject(), offered.mobile(), null);
        } else if (ApplicationAccepted.TYPE.equals(event.type())) {
            ApplicationAccepted accepted = event.dataAs(ApplicationAccepted.class);
            if (accepted.applicant() != null) {
                recipients.learn(accepted.applicant().subject(), accepted.applicant().mobile(), null);
            }
        }
    }
}

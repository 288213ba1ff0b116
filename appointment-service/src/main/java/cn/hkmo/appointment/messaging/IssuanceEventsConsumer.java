package cn.hkmo.appointment.messaging;

import cn.hkmo.contracts.issuance.CalendarNoticeLoaded;
import cn.hkmo.kit.calendar.CalendarSource;
import cn.hkmo.kit.inbox.EventHandlers;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code issuance} for the holiday notices an admin loads there: halls close on the notice's days off and
 * open on its make-up workdays as soon as the deadlines count them, once per event (kit inbox, consumer
 * {@value #CONSUMER}). The other types on the topic are the cases' story: nothing for the halls. Other replicas pick
 * the stored notice up on their next calendar refresh.
 */
@ApplicationScoped
public class IssuanceEventsConsumer {

    static final String CONSUMER = "appointment-calendar";

    private final Inbox inbox;
    private final CalendarSource calendar;
    private final EventHandlers handlers;

    public IssuanceEventsConsumer(Inbox inbox, CalendarSource calendar) {
        this.inbox = inbox;
        this.calendar = calendar;
        this.handlers = EventHandlers.create().on(CalendarNoticeLoaded.class, calendar::store);
    }

    @Incoming("issuance")
    @Blocking
    public void onRecord(String record) {
        inbox.deliver(record, CONSUMER, handlers::handle);
        calendar.refresh();
    }
}

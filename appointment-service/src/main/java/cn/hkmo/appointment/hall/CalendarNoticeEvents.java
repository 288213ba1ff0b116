package cn.hkmo.appointment.hall;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.issuance.CalendarNoticeLoaded;
import cn.hkmo.kit.calendar.CalendarSource;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code issuance} for the holiday notices an admin loads there: halls close on the notice's days off and
 * open on its make-up workdays as soon as the deadlines count them, once per event (kit inbox, consumer
 * {@value #CONSUMER}). Other replicas pick the stored notice up on their next calendar refresh.
 */
@ApplicationScoped
public class CalendarNoticeEvents {

    static final String CONSUMER = "appointment-calendar";

    private final Inbox inbox;
    private final CalendarSource calendar;

    public CalendarNoticeEvents(Inbox inbox, CalendarSource calendar) {
        this.inbox = inbox;
        this.calendar = calendar;
    }

    @Incoming("issuance")
    @Blocking
    public void on(String record) {
        inbox.deliver(record, CONSUMER, this::apply);
        calendar.refresh();
    }

    void apply(EventEnvelope event) {
        if (CalendarNoticeLoaded.TYPE.equals(event.type())) {
            calendar.store(event.dataAs(CalendarNoticeLoaded.class));
        }
        // other types on the topic are the cases' story: nothing for the halls
    }
}

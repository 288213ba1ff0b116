package cn.hkmo.appointment.messaging;

import cn.hkmo.contracts.issuance.CalendarNoticeLoaded;
import cn.hkmo.kit.calendar.CalendarSource;
import cn.hkmo.kit.inbox.EventHandlers;
import cn.hkmo.kit.inbox.Inbox;
import cn.hkmo.kit.problem.DatabaseUnavailable;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Consumes {@code issuance} for the holiday notices an admin loads there: halls close on the notice's days off and
 * open on its make-up workdays as soon as the deadlines count them, once per event (kit inbox, consumer
 * {@value #CONSUMER}). The other types on the topic are the cases' story: nothing for the halls. Other replicas pick
 * the stored notice up on their next calendar refresh.
 */
@ApplicationScoped
public class IssuanceEventsConsumer {

    static final String CONSUMER = "appointment-calendar";

    private static final Logger LOG = Logger.getLogger(IssuanceEventsConsumer.class);

    private final Inbox inbox;
    private final CalendarSource calendar;

    public IssuanceEventsConsumer(Inbox inbox, CalendarSource calendar) {
        this.inbox = inbox;
        this.calendar = calendar;
    }

    @Incoming("issuance")
    @Blocking
    public void onRecord(String record) {
        // made per record: the handler tells the refresh below whether this record stored a notice
        AtomicBoolean stored = new AtomicBoolean();
        inbox.deliver(record, CONSUMER, EventHandlers.create()
                .on(CalendarNoticeLoaded.class, notice -> stored.set(calendar.store(notice)))::handle);
        if (stored.get()) {
            refreshAfterCommit();
        }
    }

    /**
     * The notice is committed: an outage now must not send the applied event to the dead-letter topic, and the
     * scheduled refresh takes the notice up once the database answers again.
     */
    private void refreshAfterCommit() {
        try {
            calendar.refresh();
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            LOG.warnf("calendar notice stored, refresh deferred to the next scheduled one: database unavailable (%s)",
                    e.toString());
        }
    }
}

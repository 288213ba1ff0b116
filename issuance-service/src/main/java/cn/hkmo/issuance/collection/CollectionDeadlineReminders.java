package cn.hkmo.issuance.collection;

import cn.hkmo.issuance.IssuanceConfig;
import cn.hkmo.issuance.casefile.CaseEvents;
import cn.hkmo.issuance.casefile.CaseFiles;
import cn.hkmo.issuance.casefile.CollectionPeriod;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Reminds the citizen of a permit waiting at the hall before the hall's collection period ends
 * ({@code permit.collection-deadline-near.v1}, then a message and a text from notification-service). Each case is
 * reminded in a transaction of its own under the case's lock, and the case records the reminder: replicas and
 * later sweeps that find the same case find it reminded, so there is one event per permit.
 */
@ApplicationScoped
public class CollectionDeadlineReminders {

    private static final int BATCH = 200;

    private final CaseFiles store;
    private final CaseEvents events;
    private final CollectionPeriod period;
    private final Clock clock;

    public CollectionDeadlineReminders(CaseFiles store, CaseEvents events, IssuanceConfig config, Clock clock) {
        this.store = store;
        this.events = events;
        this.period = new CollectionPeriod(config.collection().keepFor(), config.collection().reminderLead());
        this.clock = clock;
    }

    @Scheduled(identity = "collection-deadline-reminders", every = "${hkmo.issuance.collection.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        remindDue();
    }

    /** Reminds every permit whose reminder is due; returns how many. */
    public int remindDue() {
        int reminded = 0;
        List<String> due;
        do {
            due = store.awaitingCollectionReminder(period.readyUpTo(clock.instant()), BATCH);
            for (String applicationNo : due) {
                if (QuarkusTransaction.requiringNew().call(() -> remind(applicationNo))) {
                    reminded++;
                }
            }
        } while (due.size() == BATCH);
        return reminded;
    }

    private boolean remind(String applicationNo) {
        return store.lock(applicationNo)
                .flatMap(c -> c.remindOfCollectionDeadline(period, OffsetDateTime.now(clock)))
                .map(near -> {
                    events.publish(applicationNo, near);
                    return true;
                }).orElse(false);
    }
}

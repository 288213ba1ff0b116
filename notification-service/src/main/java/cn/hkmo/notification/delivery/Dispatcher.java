package cn.hkmo.notification.delivery;

import cn.hkmo.notification.NotificationConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** Sends what is due: each claimed attempt goes to its channel outside any transaction, its outcome recorded after. */
@ApplicationScoped
public class Dispatcher {

    private final Deliveries deliveries;
    private final NotificationConfig config;

    public Dispatcher(Deliveries deliveries, NotificationConfig config) {
        this.deliveries = deliveries;
        this.config = config;
    }

    @Scheduled(identity = "notification-dispatch", every = "${hkmo.notification.dispatch.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One pass; how many attempts it made. */
    public int run() {
        List<Deliveries.Work> work = deliveries.claim(config.dispatch().batchSize());
        for (Deliveries.Work w : work) {
            Channel.Outcome outcome = w.lookupFirst() ? w.channel().lookup(w.outgoing()) : null;
            if (outcome == null || outcome instanceof Channel.NotFound) {
                outcome = w.channel().send(w.outgoing());
            }
            deliveries.record(w.deliveryId(), outcome);
        }
        return work.size();
    }
}

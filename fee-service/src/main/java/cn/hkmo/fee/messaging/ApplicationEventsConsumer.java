package cn.hkmo.fee.messaging;

import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.fee.payment.OrderService;
import cn.hkmo.kit.inbox.EventHandlers;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code application.accepted} opens the payment order; other application events are not ours. */
@ApplicationScoped
public class ApplicationEventsConsumer {

    static final String CONSUMER = "fee-order-opener";

    private final Inbox inbox;
    private final EventHandlers handlers;

    public ApplicationEventsConsumer(Inbox inbox, OrderService orders) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .on(ApplicationAccepted.class, orders::open);
    }

    @Incoming("applications")
    @Blocking
    public void onApplication(String record) {
        inbox.deliver(record, CONSUMER, handlers::handle);
    }
}

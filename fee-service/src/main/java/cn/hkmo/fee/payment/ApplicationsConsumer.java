package cn.hkmo.fee.payment;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code application.accepted} opens the payment order; other application events are not ours. */
@ApplicationScoped
public class ApplicationsConsumer {

    static final String CONSUMER = "fee-order-opener";

    private final Inbox inbox;
    private final Orders orders;

    public ApplicationsConsumer(Inbox inbox, Orders orders) {
        this.inbox = inbox;
        this.orders = orders;
    }

    @Incoming("applications")
    @Blocking
    public void onApplication(String record) {
        inbox.deliver(record, CONSUMER, this::apply);
    }

    void apply(EventEnvelope event) {
        if (ApplicationAccepted.TYPE.equals(event.type())) {
            orders.open(event.dataAs(ApplicationAccepted.class));
        }
    }
}

package cn.hkmo.kit.support;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** A consumer written the way README.md tells services to: the inbox delivers each record's effect once. */
@ApplicationScoped
public class KitEventsConsumer {

    public static final String CONSUMER = "kit-test";
    public static final String POISON_TYPE = "test.poison.v1";

    @Inject
    Inbox inbox;
    @Inject
    EntityManager entityManager;

    @Incoming("kit-events")
    @Blocking
    public void onEvent(String record) {
        inbox.deliver(record, CONSUMER, this::apply);
    }

    void apply(EventEnvelope event) {
        if (POISON_TYPE.equals(event.type())) {
            throw new IllegalStateException("this handler always fails on " + event.id());
        }
        entityManager.createNativeQuery(
                        "insert into test_effect (event_id, subject, type, data) values (:id, :subject, :type, :data)")
                .setParameter("id", event.id()).setParameter("subject", event.subject())
                .setParameter("type", event.type()).setParameter("data", event.data().toString())
                .executeUpdate();
    }
}

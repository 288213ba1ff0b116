package cn.hkmo.kit.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** What the test consumer did, read from its table. */
@ApplicationScoped
public class Effects {

    @Inject
    EntityManager entityManager;

    public long ofEvent(String eventId) {
        return count("select count(*) from test_effect where event_id = ?1", eventId);
    }

    public long withSubjectPrefix(String prefix) {
        return count("select count(*) from test_effect where subject like ?1", prefix + "%");
    }

    public long distinctEventsWithSubjectPrefix(String prefix) {
        return count("select count(distinct event_id) from test_effect where subject like ?1", prefix + "%");
    }

    public long count(String sql, Object... args) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            for (int i = 0; i < args.length; i++) {
                query.setParameter(i + 1, args[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}

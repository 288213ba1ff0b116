package cn.hkmo.kit.identity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Re-seals personal data under the current key after a rotation, so that the old key can be removed. While
 * {@link PersonalDataCipher#oldKeyIds() old keys} are configured, a pass runs after start-up and then every
 * {@code hkmo.personal-data.reencryption.every}: for each {@link SealedColumns registered table} it takes rows with a
 * value under an old key in small transactions ({@code FOR UPDATE SKIP LOCKED}, {@code batch-size} rows), re-seals
 * them and commits; then it counts the rows left. Replicas share the work (a row locked by one is skipped by the
 * others), and a restart resumes where the rows say (the key id prefix is the only state).
 *
 * <p>The count is {@code hkmo_personal_data_old_key_rows{table}} (NaN until the first pass) and the readiness
 * check's data (never DOWN: the service works with old keys): zero on every pod after the rollout means the old
 * keys can be removed. Lookup hashes use their own key and are not touched.
 */
@ApplicationScoped
public class Reencryption {

    private static final Logger LOG = Logger.getLogger(Reencryption.class);

    private final PersonalDataCipher cipher;
    private final EntityManager entityManager;
    private final List<SealedColumns> tables;
    private final int batchSize;
    private final MeterRegistry meters;
    private final Map<String, Double> rowsLeft = new ConcurrentHashMap<>();

    @Inject
    public Reencryption(PersonalDataCipher cipher, EntityManager entityManager, @All List<SealedColumns> tables,
                        ReencryptionConfig config, MeterRegistry meters) {
        this.cipher = cipher;
        this.entityManager = entityManager;
        this.tables = List.copyOf(tables);
        this.batchSize = config.batchSize();
        this.meters = meters;
        // Without old keys no row can be under one: zero from the start, so the metric reads the same on every pod.
        double initial = cipher.oldKeyIds().isEmpty() ? 0 : Double.NaN;
        for (SealedColumns t : this.tables) {
            rowsLeft.put(t.table(), initial);
            Gauge.builder("hkmo.personal-data.old-key-rows", rowsLeft, m -> m.get(t.table()))
                    .tag("table", t.table())
                    .description("Rows with a personal-data value sealed under an old key, at the last re-encryption pass")
                    .register(meters);
        }
    }

    @Scheduled(every = "${hkmo.personal-data.reencryption.every}", delayed = "${hkmo.personal-data.reencryption.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPass() {
        if (!cipher.oldKeyIds().isEmpty()) {
            pass();
        }
    }

    /** Re-seals every registered table, batch by batch, then counts what is left; answers the rows left per table. */
    public Map<String, Long> pass() {
        Map<String, Long> left = new LinkedHashMap<>();
        for (SealedColumns t : tables) {
            int resealed = 0;
            int batch;
            do {
                batch = resealBatch(t);
                resealed += batch;
            } while (batch == batchSize);
            long n = countUnderOldKeys(t);
            rowsLeft.put(t.table(), (double) n);
            left.put(t.table(), n);
            if (resealed > 0 || n > 0) {
                LOG.infof("personal data of %s: %d rows re-sealed under key %s, %d left under old keys %s",
                        t.table(), resealed, cipher.currentKeyId(), n, cipher.oldKeyIds());
            }
        }
        return left;
    }

    /** One transaction: up to {@code batch-size} rows under an old key, not locked by another pass, re-sealed. */
    int resealBatch(SealedColumns t) {
        List<String> oldKeys = List.copyOf(cipher.oldKeyIds());
        if (oldKeys.isEmpty()) {
            return 0;
        }
        int resealed = QuarkusTransaction.requiringNew().call(() -> {
            Query select = entityManager.createNativeQuery("select " + String.join(", ", t.keyColumns()) + ", "
                    + String.join(", ", t.sealedColumns()) + " from " + t.table() + " where " + underOldKeys(t)
                    + " limit :limit for update skip locked");
            @SuppressWarnings("unchecked")
            List<Object> rows = select.setParameter("old", oldKeys).setParameter("limit", batchSize).getResultList();
            int keys = t.keyColumns().size();
            int written = 0;
            for (Object row : rows) {
                Object[] values = (Object[]) row;
                // Only the values that change: a column under the current key (or null) is left as it is.
                Map<String, String> changed = new LinkedHashMap<>();
                for (int i = 0; i < t.sealedColumns().size(); i++) {
                    String stored = (String) values[keys + i];
                    String sealedNow = cipher.reseal(stored);
                    if (!Objects.equals(sealedNow, stored)) {
                        changed.put(t.sealedColumns().get(i), sealedNow);
                    }
                }
                if (changed.isEmpty()) {
                    continue; // a value that only looks sealed under an old key: left for the operator, never looped on
                }
                Query write = entityManager.createNativeQuery("update " + t.table() + " set "
                        + changed.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
                        + " where " + t.keyColumns().stream().map(c -> c + " = ?").collect(Collectors.joining(" and ")));
                int position = 1;
                for (String value : changed.values()) {
                    write.setParameter(position++, value);
                }
                for (int i = 0; i < keys; i++) {
                    write.setParameter(position++, values[i]);
                }
                written += write.executeUpdate();
            }
            return written;
        });
        if (resealed > 0) {
            Counter.builder("hkmo.personal-data.resealed").tag("table", t.table())
                    .description("Rows re-sealed under the current personal-data key").register(meters).increment(resealed);
        }
        return resealed;
    }

    /** Rows with a value under an old configured key (counted, not locked: rows another pass holds are included). */
    long countUnderOldKeys(SealedColumns t) {
        List<String> oldKeys = List.copyOf(cipher.oldKeyIds());
        if (oldKeys.isEmpty()) {
            return 0;
        }
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from " + t.table() + " where " + underOldKeys(t))
                .setParameter("old", oldKeys).getSingleResult()).longValue());
    }

    /** The rows left under old keys per table at the last pass; empty until every table was counted once. */
    public Optional<Map<String, Long>> rowsUnderOldKeys() {
        Map<String, Long> counted = new LinkedHashMap<>();
        for (SealedColumns t : tables) {
            Double n = rowsLeft.get(t.table());
            if (n.isNaN()) {
                return Optional.empty();
            }
            counted.put(t.table(), n.longValue());
        }
        return Optional.of(counted);
    }

    // A sealed value is "<key id>:<base64>": its key id is what precedes the first colon (a value stored before the
    // seal, such as JSON, never has a key id of the list before a colon).
    private static String underOldKeys(SealedColumns t) {
        return t.sealedColumns().stream().map(c -> "split_part(" + c + ", ':', 1) in (:old)")
                .collect(Collectors.joining(" or ", "(", ")"));
    }
}

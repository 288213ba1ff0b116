package cn.hkmo.kit.identity;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static cn.hkmo.kit.identity.PersonalDataCipherTest.cipher;
import static cn.hkmo.kit.identity.PersonalDataCipherTest.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The re-seal job against the real PostgreSQL: a test table with a two-column key, values sealed under key "ka",
 * then the job run with "kb" current and "ka" old (in batches of 7), as one instance, as two replicas at once, and
 * stopped after one batch and resumed by a new instance.
 */
@QuarkusTest
class ReencryptionIT {

    private static final String LOOKUP = key('l');
    private static final PersonalDataCipher BEFORE = cipher("ka", Map.of("ka", key('a')), LOOKUP);
    private static final PersonalDataCipher ROTATED = cipher("kb", Map.of("ka", key('a'), "kb", key('b')), LOOKUP);
    private static final SealedColumns TABLE = new SealedColumns("test_sealed", List.of("owner", "seq"),
            List.of("first_sealed", "second_sealed"));

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void emptyTable() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("delete from test_sealed").executeUpdate());
    }

    @Test
    void resealsEveryValueUnderAnOldKeyInBatchesAndCountsNoneLeft() {
        insert("citizen", 20, BEFORE);
        // already current, stored before the seal, and sealed with a key this service does not have: left alone
        insertRow("current", 1, ROTATED.encrypt("13800000001"), null);
        insertRow("plain", 1, "{\"mobile\":\"13800000002\"}", BEFORE.encrypt("13800000002"));
        String foreign = cipher("kz", Map.of("kz", key('z')), LOOKUP).encrypt("13800000003");
        insertRow("foreign", 1, foreign, null);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Reencryption job = job(meters);
        assertThat(meters.get("hkmo.personal-data.old-key-rows").tag("table", "test_sealed").gauge().value())
                .as("not counted before the first pass").isNaN();
        assertThat(job.rowsUnderOldKeys()).isEmpty();

        assertThat(job.pass()).isEqualTo(Map.of("test_sealed", 0L));

        for (Map<String, String> row : rows()) {
            String owner = row.get("owner");
            if (owner.equals("foreign")) {
                assertThat(row.get("first_sealed")).isEqualTo(foreign);
            } else if (owner.equals("plain")) {
                assertThat(row.get("first_sealed")).startsWith("{");
                assertThat(ROTATED.decrypt(row.get("second_sealed"))).isEqualTo("13800000002");
            } else {
                assertThat(row.get("first_sealed")).startsWith("kb:");
                assertThat(ROTATED.decrypt(row.get("first_sealed"))).isEqualTo(mobile(owner, row.get("seq")));
                if (owner.equals("citizen")) {
                    assertThat(ROTATED.decrypt(row.get("second_sealed"))).isEqualTo("地址 " + row.get("seq"));
                }
            }
        }
        assertThat(meters.get("hkmo.personal-data.resealed").tag("table", "test_sealed").counter().count())
                .as("20 rows, and the second column of the row stored before the seal").isEqualTo(21);
        assertThat(meters.get("hkmo.personal-data.old-key-rows").tag("table", "test_sealed").gauge().value()).isZero();
        assertThat(job.rowsUnderOldKeys()).contains(Map.of("test_sealed", 0L));
    }

    @Test
    void twoReplicasShareTheWorkAndResealEachRowOnce() {
        insert("citizen", 120, BEFORE);
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();

        CompletableFuture<Map<String, Long>> a = CompletableFuture.supplyAsync(() -> job(first).pass());
        CompletableFuture<Map<String, Long>> b = CompletableFuture.supplyAsync(() -> job(second).pass());

        // A pass ends at a short batch: one that found the rest locked by the other replica counts those rows as left
        // (at most a batch, resealed by the other), and the next pass reads 0.
        assertThat(a.orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join().get("test_sealed")).isBetween(0L, 7L);
        assertThat(b.orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join().get("test_sealed")).isBetween(0L, 7L);
        assertThat(job(new SimpleMeterRegistry()).countUnderOldKeys(TABLE)).as("left once both passes ended").isZero();
        double byFirst = resealed(first);
        double bySecond = resealed(second);
        assertThat(byFirst + bySecond).as("each row re-sealed by exactly one replica").isEqualTo(120);
        assertThat(rows()).allSatisfy(row -> assertThat(row.get("first_sealed")).startsWith("kb:"));
    }

    @Test
    void aRestartResumesWhereTheRowsSay() {
        insert("citizen", 30, BEFORE);

        assertThat(job(new SimpleMeterRegistry()).resealBatch(TABLE)).isEqualTo(7);   // then the pod stops
        assertThat(job(new SimpleMeterRegistry()).countUnderOldKeys(TABLE)).isEqualTo(23);

        SimpleMeterRegistry restarted = new SimpleMeterRegistry();
        assertThat(job(restarted).pass()).containsEntry("test_sealed", 0L);
        assertThat(resealed(restarted)).isEqualTo(23);
    }

    private Reencryption job(SimpleMeterRegistry meters) {
        ReencryptionConfig config = new ReencryptionConfig() {
            @Override
            public int batchSize() {
                return 7;
            }

            @Override
            public Duration every() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration startDelay() {
                return Duration.ZERO;
            }
        };
        return new Reencryption(ROTATED, entityManager, List.of(TABLE), config, meters);
    }

    private static double resealed(SimpleMeterRegistry meters) {
        var counter = meters.find("hkmo.personal-data.resealed").tag("table", "test_sealed").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String mobile(String owner, Object seq) {
        return owner.equals("current") ? "13800000001" : "1390000" + String.format("%04d", Integer.parseInt(seq.toString()));
    }

    private void insert(String owner, int n, PersonalDataCipher cipher) {
        for (int i = 0; i < n; i++) {
            insertRow(owner, i, cipher.encrypt(mobile(owner, i)), cipher.encrypt("地址 " + i));
        }
    }

    private void insertRow(String owner, int seq, String first, String second) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "insert into test_sealed (owner, seq, first_sealed, second_sealed) values (?1, ?2, ?3, cast(?4 as text))")
                .setParameter(1, owner).setParameter(2, seq).setParameter(3, first).setParameter(4, second).executeUpdate());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, String>> rows() {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) entityManager.createNativeQuery(
                        "select owner, cast(seq as text), first_sealed, second_sealed from test_sealed order by owner, seq")
                .getResultList()).stream().map(r -> {
                    Map<String, String> row = new java.util.HashMap<>();
                    row.put("owner", (String) r[0]);
                    row.put("seq", (String) r[1]);
                    row.put("first_sealed", (String) r[2]);
                    row.put("second_sealed", (String) r[3]);
                    return row;
                }).toList());
    }
}

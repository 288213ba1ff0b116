package cn.hkmo.appointment.it;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.slot.Locks;
import cn.hkmo.appointment.slot.Places;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The person's lock and the hall's are taken in one statement ({@link Locks#personThenHallShared}), a booking's with its
 * window's counters; the order of {@link Locks} must still hold: a booking waiting for a person holds nothing on the hall
 * yet, so a change of the hall is not held up behind it.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
class LocksIT {

    private static final String HALL = "TS-LOCKS";
    private static final String PERSON = "person-hash-of-locks-it";
    private static final LocalDate DAY = Fixtures.TUESDAY;
    private static final LocalTime NINE = LocalTime.of(9, 0);

    @Inject
    Fixtures fixtures;
    @Inject
    Locks locks;
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void reset() {
        fixtures.reset();
        fixtures.hall(HALL, 5);
    }

    @Test
    void aBookingWaitingForThePersonHoldsNothingOnTheHall() throws Exception {
        CountDownLatch personHeld = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            locks.person(PERSON);
            personHeld.countDown();
            awaitOpened(release);
        }));
        try {
            assertThat(personHeld.await(20, TimeUnit.SECONDS)).isTrue();
            // the booking's statement: the locks and the window's counters
            CompletableFuture<Locks.HallShare> second = CompletableFuture.supplyAsync(() -> QuarkusTransaction
                    .requiringNew().call(() -> locks.personThenHallShared(PERSON, HALL, DAY, NINE, Instant.now())));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnAdvisoryLocks() == 1);

            // Were the hall's row locked before the person's lock, this would wait for the second booking: time out.
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("set local lock_timeout = '5s'").executeUpdate();
                locks.hallExclusive(HALL);
            });

            release.countDown();
            first.get(20, TimeUnit.SECONDS);
            assertThat(second.get(20, TimeUnit.SECONDS).revision()).isPositive();
        } finally {
            release.countDown();
        }
    }

    @Test
    void anUnknownHallIsRefused() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> locks.personThenHallShared(PERSON, "TS-NONE")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(AppointmentError.HALL_NOT_FOUND));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .call(() -> locks.personThenHallShared(PERSON, "TS-NONE", DAY, NINE, Instant.now())))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(AppointmentError.HALL_NOT_FOUND));
    }

    @Test
    void theBookingsStatementReadsTheWindowsCounters() {
        Instant now = Instant.parse("2026-09-14T02:00:00Z");
        long revision = QuarkusTransaction.requiringNew().call(() -> locks.personThenHallShared(PERSON, HALL));

        Locks.HallShare unused = share(now);
        assertThat(unused.revision()).isEqualTo(revision);
        assertThat(unused.window()).isNull();
        assertThat(unused.windowFull()).isFalse();

        sql("insert into slot_capacity values ('%s', '%s', '09:00', '09:30', 5, 5)".formatted(HALL, DAY));
        sql("insert into slot_capacity values ('%s', '%s', '09:30', '10:00', 5, 1)".formatted(HALL, DAY));
        assertThat(share(now).window()).isEqualTo(new Places.Counter(5, 5, 0));
        assertThat(share(now).windowFull()).isTrue();

        // a hold past its expiry that the sweep has not released yet: its place can come back, so not full
        sql("""
                insert into slot_hold values (gen_random_uuid(), '%s', '%s', '09:00', '09:30', 'someone', 'hash', 'HOLD',
                'ACTIVE', '2026-09-14T01:59:00Z', '2026-09-14T01:49:00Z')""".formatted(HALL, DAY));
        assertThat(share(now).window()).isEqualTo(new Places.Counter(5, 5, 1));
        assertThat(share(now).windowFull()).isFalse();
        assertThat(share(now.minusSeconds(120)).windowFull()).as("before the hold expired").isTrue();

        // without a window (the form is refused afterwards): the revision alone
        Locks.HallShare noWindow = QuarkusTransaction.requiringNew()
                .call(() -> locks.personThenHallShared(PERSON, HALL, null, NINE, now));
        assertThat(noWindow.revision()).isEqualTo(revision);
        assertThat(noWindow.window()).isNull();
    }

    private Locks.HallShare share(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> locks.personThenHallShared(PERSON, HALL, DAY, NINE, now));
    }

    private void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(statement).executeUpdate());
    }

    private long waitingOnAdvisoryLocks() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and wait_event = 'advisory'")
                .getSingleResult()).longValue());
    }

    private static void awaitOpened(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

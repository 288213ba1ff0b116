package cn.hkmo.appointment.it;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.slot.Locks;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The person's lock and the hall's are taken in one statement ({@link Locks#personThenHallShared}); the order of
 * {@link Locks} must still hold: a booking waiting for a person holds nothing on the hall yet, so a change of the hall
 * is not held up behind it.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
class LocksIT {

    private static final String HALL = "TS-LOCKS";
    private static final String PERSON = "person-hash-of-locks-it";

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
            CompletableFuture<Long> second = CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew()
                    .call(() -> locks.personThenHallShared(PERSON, HALL)));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingOnAdvisoryLocks() == 1);

            // Were the hall's row locked before the person's lock, this would wait for the second booking: time out.
            QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("set local lock_timeout = '5s'").executeUpdate();
                locks.hallExclusive(HALL);
            });

            release.countDown();
            first.get(20, TimeUnit.SECONDS);
            assertThat(second.get(20, TimeUnit.SECONDS)).isPositive();
        } finally {
            release.countDown();
        }
    }

    @Test
    void anUnknownHallIsRefused() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> locks.personThenHallShared(PERSON, "TS-NONE")))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(AppointmentError.HALL_NOT_FOUND));
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

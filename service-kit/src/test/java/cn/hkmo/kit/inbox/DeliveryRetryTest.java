package cn.hkmo.kit.inbox;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.kit.problem.DatabaseUnavailable;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryRetryTest {

    private final List<Duration> waits = new ArrayList<>();
    private final List<String> retries = new ArrayList<>();
    private final DeliveryRetry retry = new DeliveryRetry(config(3, 200, 5_000), DatabaseUnavailable::isCause,
            waits::add, (failure, outage, attempt, wait) -> retries.add((outage ? "outage " : "failure ") + attempt));

    @Test
    void aMalformedRecordIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> retry.run(() -> {
            calls.incrementAndGet();
            throw new EventEnvelope.MalformedEventException("payload is not a BookingBooked");
        })).isInstanceOf(EventEnvelope.MalformedEventException.class);
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void anOtherFailureGetsTheConfiguredAttemptsThenFailsForTheDeadLetterTopic() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> retry.run(() -> {
            calls.incrementAndGet();
            throw bug;
        })).isSameAs(bug);
        assertThat(calls).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(200));
        assertThat(retries).containsExactly("failure 1", "failure 2");
    }

    @Test
    void anOutageIsRetriedPastTheAttemptsWithADoublingCappedWaitUntilTheDatabaseIsBack() {
        AtomicInteger calls = new AtomicInteger();

        retry.run(() -> {
            if (calls.incrementAndGet() <= 12) {
                throw new IllegalStateException("commit failed",
                        new SQLException("terminating connection due to administrator command", "57P01"));
            }
        });

        assertThat(calls).hasValue(13);
        assertThat(waits).extracting(Duration::toMillis)
                .containsExactly(200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L, 5000L, 5000L, 5000L, 5000L, 5000L);
        assertThat(retries).hasSize(12).allMatch(r -> r.startsWith("outage "));
    }

    @Test
    void outageRetriesDoNotUseUpTheAttemptsOfOtherFailures() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException outage = new RuntimeException(new SQLException("Connection refused", "08001"));

        assertThatThrownBy(() -> retry.run(() -> {
            int call = calls.incrementAndGet();
            throw call % 2 == 1 ? outage : new IllegalStateException("conflict " + call);
        })).hasMessage("conflict 6");
        assertThat(retries).containsExactly("outage 1", "failure 1", "outage 2", "failure 2", "outage 3");
    }

    @Test
    void anInterruptDoesNotAbandonADueEffectAndIsKeptForTheCaller() {
        AtomicInteger calls = new AtomicInteger();
        DeliveryRetry interrupted = new DeliveryRetry(config(3, 200, 5_000), DatabaseUnavailable::isCause,
                wait -> {
                    throw new InterruptedException("shutting down");
                }, (failure, outage, attempt, wait) -> {
                });

        try {
            interrupted.run(() -> {
                if (calls.incrementAndGet() <= 2) {
                    throw new RuntimeException(new SQLException("Sorry, acquisition timeout!"));
                }
            });
            assertThat(calls).hasValue(3);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    private static InboxConfig.DeliveryRetryConfig config(int attempts, long delayMs, long outageMaxDelayMs) {
        return new InboxConfig.DeliveryRetryConfig() {
            @Override
            public int attempts() {
                return attempts;
            }

            @Override
            public Duration delay() {
                return Duration.ofMillis(delayMs);
            }

            @Override
            public Duration outageMaxDelay() {
                return Duration.ofMillis(outageMaxDelayMs);
            }
        };
    }
}

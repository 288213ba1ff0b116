package cn.hkmo.kit.inbox;

import cn.hkmo.contracts.EventEnvelope;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * How one consumed record is retried, by what went wrong:
 * <ul>
 *     <li>a record that is not a readable event ({@link EventEnvelope.MalformedEventException}) is not retried:
 *     it fails at once, so the channel's failure strategy puts it on the dead-letter topic;</li>
 *     <li>an <b>outage</b> (the database restarting, unreachable, or its pool exhausted) is retried with a doubling
 *     wait, capped, until it ends. Sending it to the dead-letter topic would lose an effect that is still due,
 *     and a later record of the same key would overtake it. While it lasts the partition waits; after the
 *     Kafka connector's {@code throttled.unprocessed-record-max-age.ms} (60 s by default) the channel reports
 *     itself unhealthy, so an orchestrator restarts the instance and consumption resumes from the last commit
 *     (the inbox keeps the replay free of double effects);</li>
 *     <li>any other failure (a conflict with a concurrent writer, or a bug) gets a few attempts, then fails for
 *     the dead-letter topic: a poison record must not stop the partition.</li>
 * </ul>
 * Plain Java so that the policy is tested without a container.
 */
final class DeliveryRetry {

    /** Waits between attempts; {@link Thread#sleep(long)} in production. */
    @FunctionalInterface
    interface Pause {
        void sleep(Duration wait) throws InterruptedException;
    }

    /** Told about every retry, for logs and metrics. */
    @FunctionalInterface
    interface Listener {
        void retrying(RuntimeException failure, boolean outage, int attempt, Duration wait);
    }

    private final InboxConfig.DeliveryRetryConfig config;
    private final Predicate<Throwable> isOutage;
    private final Pause pause;
    private final Listener listener;

    DeliveryRetry(InboxConfig.DeliveryRetryConfig config, Predicate<Throwable> isOutage, Pause pause, Listener listener) {
        this.config = config;
        this.isOutage = isOutage;
        this.pause = pause;
        this.listener = listener;
    }

    /** Runs {@code attempt} until it succeeds, or throws the failure that ends the retries. */
    void run(Runnable attempt) {
        int failures = 0;
        int outageAttempts = 0;
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    attempt.run();
                    return;
                } catch (EventEnvelope.MalformedEventException malformed) {
                    throw malformed;
                } catch (RuntimeException failure) {
                    boolean outage = isOutage.test(failure);
                    Duration wait;
                    if (outage) {
                        wait = outageWait(++outageAttempts);
                    } else if (++failures >= config.attempts()) {
                        throw failure;
                    } else {
                        wait = config.delay();
                    }
                    listener.retrying(failure, outage, outage ? outageAttempts : failures, wait);
                    try {
                        pause.sleep(wait);
                    } catch (InterruptedException e) {
                        // Not a reason to give up: the failure would go to the dead-letter topic though its effect
                        // is due. A stopping process ends by its shutdown timeout with the record uncommitted.
                        interrupted = true;
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** delay, 2 × delay, 4 × delay ... up to the cap. */
    Duration outageWait(int attempt) {
        Duration cap = config.outageMaxDelay();
        Duration wait = config.delay();
        for (int i = 1; i < attempt && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}

package cn.hkmo.platform;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waiting on a condition (never a fixed sleep as synchronisation). */
public final class Wait {

    private Wait() {
    }

    /**
     * Polls {@code condition} every {@code interval} until it holds; fails after {@code timeout} or as soon as
     * {@code stillPossible} turns false (e.g. the process died), with {@code diagnostics} in the message.
     */
    public static void until(String what, Duration timeout, Duration interval, BooleanSupplier condition,
            BooleanSupplier stillPossible, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return;
            }
            if (!stillPossible.getAsBoolean()) {
                throw new IllegalStateException(what + ": gave up (process exited)\n" + diagnostics.get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": not reached within " + timeout + "\n" + diagnostics.get());
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(what + ": interrupted", e);
            }
        }
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, Duration.ofMillis(100), condition, () -> true, () -> "");
    }
}

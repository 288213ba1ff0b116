package cn.hkmo.kit.support;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Holds a booking inside its transaction until the test lets it go, to make two requests overlap for real. */
@ApplicationScoped
public class BookingGate {

    private volatile CountDownLatch latch = new CountDownLatch(0);
    private final AtomicInteger waiting = new AtomicInteger();

    public void close() {
        latch = new CountDownLatch(1);
    }

    public void open() {
        latch.countDown();
    }

    public int waiting() {
        return waiting.get();
    }

    void pass() {
        waiting.incrementAndGet();
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            waiting.decrementAndGet();
        }
    }
}

package cn.hkmo.gateway.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Writes the access log in batches from one thread, as nginx's {@code access_log ... buffer=} does: an event loop only
 * queues the request's entry, and never waits for a lock or a system call. The thread wakes every {@code interval},
 * formats what was queued and writes it in chunks of whole lines of at most {@value #ATOMIC_WRITE} bytes: a pipe takes
 * a write that small in one piece (PIPE_BUF), so the application's other log records, written to the same stdout by
 * another thread, never cut into a line.
 *
 * <p>At most {@code capacity} entries wait; beyond that an entry is dropped and counted rather than hold up a request
 * (the stdout reader has stalled). A line is at most one interval late, and on shutdown the rest is written.
 */
public final class AccessLogWriter implements AutoCloseable {

    static final int ATOMIC_WRITE = 4096;

    private final Queue<AccessLogEntry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(ATOMIC_WRITE);
    private final int capacity;
    private final Function<AccessLogEntry, String> format;
    private final OutputStream out;
    private final Runnable dropped;
    private final long intervalNanos;
    private final Thread thread;
    private volatile boolean closed;

    public AccessLogWriter(Function<AccessLogEntry, String> format, OutputStream out, Duration interval, int capacity,
                           Runnable dropped) {
        this.format = format;
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.capacity = capacity;
        this.dropped = dropped;
        this.thread = new Thread(this::run, "access-log-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the entry; false (and counted) if {@code capacity} entries are already waiting. */
    public boolean offer(AccessLogEntry entry) {
        if (closed) {
            dropped.run();
            return false;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            dropped.run();
            return false;
        }
        queue.offer(entry);
        return true;
    }

    private void run() {
        while (!closed) {
            LockSupport.parkNanos(this, intervalNanos);
            flush();
        }
    }

    /** Writes everything queued so far; the writer's thread calls it every interval, {@link #close} once more. */
    synchronized void flush() {
        try {
            for (AccessLogEntry entry; (entry = queue.poll()) != null; ) {
                queued.decrementAndGet();
                byte[] line = (format.apply(entry) + '\n').getBytes(StandardCharsets.UTF_8);
                if (chunk.size() > 0 && chunk.size() + line.length > ATOMIC_WRITE) {
                    writeChunk();
                }
                chunk.write(line, 0, line.length);
            }
            if (chunk.size() > 0) {
                writeChunk();
            }
        } catch (IOException e) {
            // stdout is gone: there is nowhere left to say so; the lines of this chunk are lost
            chunk.reset();
        }
    }

    private void writeChunk() throws IOException {
        try {
            chunk.writeTo(out);   // one write(2)
            out.flush();
        } finally {
            chunk.reset();
        }
    }

    /** Stops the thread and writes what is left. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}

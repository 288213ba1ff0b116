package cn.hkmo.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class AccessLogWriterTest {

    /** Every write(2) the writer makes, as the bytes it was given. */
    static final class Writes extends OutputStream {
        final List<String> calls = new ArrayList<>();

        @Override
        public void write(int b) {
            throw new AssertionError("byte by byte");
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            calls.add(new String(b, off, len, StandardCharsets.UTF_8));
        }

        synchronized String all() {
            return String.join("", calls);
        }
    }

    private static AccessLogEntry entry(String uri) {
        return new AccessLogEntry(0, "loop", "10.0.0.1", "GET", uri, "HTTP/1.1", 200, 10, 1000, "rid");
    }

    @Test
    void writesWholeLinesInOrderInChunksAPipeTakesWhole() {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(AccessLogEntry::uri, out, Duration.ofHours(1), 10_000, () -> { });
        List<String> uris = IntStream.range(0, 500).mapToObj(i -> "/api/v1/halls/" + "x".repeat(i % 90) + i).toList();
        uris.forEach(uri -> assertThat(writer.offer(entry(uri))).isTrue());

        writer.flush();

        assertThat(out.all()).isEqualTo(String.join("\n", uris) + "\n");
        assertThat(out.calls).hasSizeGreaterThan(5).allSatisfy(call -> {
            assertThat(call.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(AccessLogWriter.ATOMIC_WRITE);
            assertThat(call).endsWith("\n");
        });
        // batched: a chunk holds as many lines as fit, not one each
        assertThat(out.calls.size()).isLessThan(uris.size() / 10);
        writer.close();
    }

    @Test
    void aLineLongerThanAChunkIsWrittenAloneAndWhole() {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(AccessLogEntry::uri, out, Duration.ofHours(1), 100, () -> { });
        String longUri = "/api/" + "y".repeat(5000);
        writer.offer(entry("/a"));
        writer.offer(entry(longUri));
        writer.offer(entry("/b"));

        writer.flush();

        assertThat(out.calls).containsExactly("/a\n", longUri + "\n", "/b\n");
        writer.close();
    }

    @Test
    void beyondCapacityEntriesAreDroppedAndCountedAndCloseWritesTheRest() {
        Writes out = new Writes();
        AtomicInteger dropped = new AtomicInteger();
        AccessLogWriter writer = new AccessLogWriter(AccessLogEntry::uri, out, Duration.ofHours(1), 3,
                dropped::incrementAndGet);

        List<Boolean> accepted = IntStream.range(0, 5).mapToObj(i -> writer.offer(entry("/" + i))).toList();
        assertThat(accepted).containsExactly(true, true, true, false, false);
        assertThat(dropped).hasValue(2);
        assertThat(out.calls).isEmpty();

        writer.close();
        assertThat(out.all()).isEqualTo("/0\n/1\n/2\n");
        assertThat(writer.offer(entry("/late"))).as("after close").isFalse();
        assertThat(dropped).hasValue(3);
    }

    @Test
    void theThreadWritesWithinItsInterval() {
        Writes out = new Writes();
        AccessLogWriter writer = new AccessLogWriter(AccessLogEntry::uri, out, Duration.ofMillis(10), 100, () -> { });
        writer.offer(entry("/soon"));

        await().atMost(Duration.ofSeconds(10)).until(() -> out.all().equals("/soon\n"));
        writer.close();
        assertThat(out.all()).isEqualTo("/soon\n");
    }
}

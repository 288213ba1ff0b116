package cn.hkmo.bench;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The load generator against a small JDK HTTP server: what it sends, how many at once, what it reads back. */
class LoadTest {

    private HttpServer server;
    private String base;
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final List<String> readHeaders = new ArrayList<>();
    /** Holds the first answers until that many requests are in flight, so the limit is reached, not hoped for. */
    private CountDownLatch allIn = new CountDownLatch(0);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        // POST: answers 201 to the first body of a key, 409 SLOT_FULL to the others, as the booking path would
        server.createContext("/book", x -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            allIn.countDown();
            try {
                allIn.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = x.getRequestHeaders().getFirst("Idempotency-Key");
            boolean first = received.putIfAbsent(key, body) == null && body.startsWith("{\"n\":");
            byte[] answer = (first ? "{\"echo\":" + body + "}" : "{\"code\":\"SLOT_FULL\"}").getBytes(StandardCharsets.UTF_8);
            inFlight.decrementAndGet();
            x.sendResponseHeaders(first ? 201 : 409, answer.length);
            x.getResponseBody().write(answer);
            x.close();
        });
        server.createContext("/read", x -> {
            synchronized (readHeaders) {
                readHeaders.add(x.getRequestMethod() + " content-length=" + x.getRequestHeaders().getFirst("Content-Length"));
            }
            x.sendResponseHeaders(200, 2);
            x.getResponseBody().write("ok".getBytes(StandardCharsets.UTF_8));
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aClosedLoopSendsEveryRequestOnceWithItsHeadersAndBodyAtMostConcurrencyAtATime() throws Exception {
        int n = 40;
        int concurrency = 8;
        allIn = new CountDownLatch(concurrency);
        List<Supplier<HttpRequest>> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String key = "key-" + i;
            HttpRequest.BodyPublisher body = Http.json(Map.of("n", i));
            requests.add(() -> Http.request(base + "/book").header("Idempotency-Key", key)
                    .header("content-type", "application/json").POST(body).build());
        }
        requests.add(requests.get(0)); // the same key again: the server's SLOT_FULL
        Load.Run run = Load.closed(requests, concurrency);

        assertThat(run.samples()).hasSize(n + 1);
        assertThat(run.samples()).extracting(Load.Sample::index).doesNotHaveDuplicates();
        assertThat(received).hasSize(n);
        for (int i = 0; i < n; i++) {
            assertThat(received.get("key-" + i)).isEqualTo("{\"n\":" + i + "}");
        }
        assertThat(run.count(201)).isEqualTo(n);
        assertThat(run.countCode("SLOT_FULL")).isEqualTo(1);
        assertThat(run.samples().stream().filter(s -> s.index() == 3).findFirst().orElseThrow().body())
                .isEqualTo("{\"echo\":{\"n\":3}}");
        assertThat(mostInFlight.get()).as("the limit was reached and never passed").isEqualTo(concurrency);
        assertThat(run.latency().p50Ms()).isPositive();
    }

    @Test
    void aReadGoesWithoutABodyAndARefusedConnectionIsASampleNotAHang() throws Exception {
        Load.Run reads = Load.closedFor(() -> Http.request(base + "/read").GET().build(), 2, 200);
        assertThat(reads.count(200)).isPositive().isEqualTo(reads.samples().size());
        assertThat(readHeaders).isNotEmpty().allMatch(h -> h.equals("GET content-length=null"));

        server.stop(0);
        Load.Run refused = Load.closed(List.of(() -> Http.request(base + "/read").GET().build()), 1);
        assertThat(refused.samples()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(-1));
    }

    @Test
    void anOpenLoopSendsEachRequestOnItsTurn() throws Exception {
        List<Supplier<HttpRequest>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String key = "open-" + i;
            requests.add(() -> Http.request(base + "/book").header("Idempotency-Key", key).POST(Http.json(Map.of("n", 1))).build());
        }
        Load.Run run = Load.open(requests, 50.0);
        assertThat(run.count(201)).isEqualTo(10);
        List<Long> starts = run.samples().stream().sorted((a, b) -> Integer.compare(a.index(), b.index()))
                .map(Load.Sample::startNanos).toList();
        assertThat(starts).isSorted();
        assertThat(starts.get(9) - starts.get(0)).as("10 requests at 50/s span about 180 ms").isGreaterThan(150_000_000L);
    }
}

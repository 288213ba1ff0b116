package cn.hkmo.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The load generator: Vert.x's HTTP/1.1 client on one event loop, keep-alive connections, one request in flight per
 * connection. The requests are built as the JDK's {@link HttpRequest}s (headers, body) and read into plain requests
 * before the clock starts. Not the JDK's client: with one blocked thread per request in flight it cost the bench's JVM
 * 0.45 ms of CPU per booking request (this client: 0.16 ms), on the cores the suite is measured on, where pgbench's C
 * client costs its transaction 0.1 ms.
 */
public final class Load {

    /** One request: when it started (nanoTime), how long it took, status and problem code. */
    public record Sample(int index, long startNanos, long latencyNanos, int status, String code, String body) {

        /** "201", "409 SLOT_FULL": the status and the problem's code. */
        public String answer() {
            return status + (code != null ? " " + code : "");
        }
    }

    /** The outcome of a run. */
    public record Run(List<Sample> samples, long wallNanos) {

        public double perSecond() {
            return samples.size() / (wallNanos / 1e9);
        }

        public long count(int status) {
            return samples.stream().filter(s -> s.status() == status).count();
        }

        public long countCode(String code) {
            return samples.stream().filter(s -> code.equals(s.code())).count();
        }

        public Stats latency() {
            return Stats.ofNanos(samples.stream().map(Sample::latencyNanos).toList());
        }

        /** "201 x 10, 409 SLOT_FULL x 90" */
        public String outcomes() {
            Map<String, Integer> m = new TreeMap<>();
            countAnswers(m);
            return Load.outcomes(m);
        }

        /** Adds this run's answers to {@code counts}, by {@link Sample#answer()}. */
        public void countAnswers(Map<String, Integer> counts) {
            samples.forEach(s -> counts.merge(s.answer(), 1, Integer::sum));
        }
    }

    /** "201 x 10, 409 SLOT_FULL x 90", in the map's order. */
    public static String outcomes(Map<String, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(k + " x " + v));
        return String.join(", ", parts);
    }

    private Load() {
    }

    /** A request as sent: what the JDK builder held, its body read once. */
    record Call(HttpMethod method, String uri, MultiMap headers, Buffer body, long timeoutMillis) {

        static Call of(HttpRequest request) {
            MultiMap headers = MultiMap.caseInsensitiveMultiMap();
            request.headers().map().forEach(headers::add);
            return new Call(HttpMethod.valueOf(request.method()), request.uri().toString(), headers,
                    Buffer.buffer(bodyOf(request)), request.timeout().orElse(Duration.ofSeconds(60)).toMillis());
        }

        private static byte[] bodyOf(HttpRequest request) {
            if (request.bodyPublisher().isEmpty()) {
                return new byte[0];
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CompletableFuture<byte[]> read = new CompletableFuture<>();
            request.bodyPublisher().get().subscribe(new Flow.Subscriber<ByteBuffer>() {
                public void onSubscribe(Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                public void onNext(ByteBuffer b) {
                    byte[] bytes = new byte[b.remaining()];
                    b.get(bytes);
                    out.writeBytes(bytes);
                }

                public void onError(Throwable e) {
                    read.completeExceptionally(e);
                }

                public void onComplete() {
                    read.complete(out.toByteArray());
                }
            });
            return read.join();
        }
    }

    /**
     * Closed loop: every request of {@code requests} once, {@code concurrency} in flight at a time, all started
     * together.
     */
    public static Run closed(List<Supplier<HttpRequest>> requests, int concurrency) throws InterruptedException {
        List<Call> calls = requests.stream().map(r -> Call.of(r.get())).toList();
        AtomicInteger next = new AtomicInteger();
        return run(concurrency, (client, samples, done) -> {
            for (int w = 0; w < concurrency; w++) {
                loop(client, samples, done, () -> {
                    int i = next.getAndIncrement();
                    return i < calls.size() ? new Indexed(i, calls.get(i)) : null;
                });
            }
        }, concurrency);
    }

    /** Closed loop for a fixed time, the same request again and again (warm-up, throughput of reads). */
    public static Run closedFor(Supplier<HttpRequest> request, int concurrency, long millis) throws InterruptedException {
        Call call = Call.of(request.get());
        long end = System.nanoTime() + millis * 1_000_000L;
        return run(concurrency, (client, samples, done) -> {
            for (int w = 0; w < concurrency; w++) {
                loop(client, samples, done, () -> System.nanoTime() < end ? new Indexed(-1, call) : null);
            }
        }, concurrency);
    }

    /** Open loop: request i is sent at t0 + i / rate, whatever the answers before it (a steady arrival rate). */
    public static Run open(List<Supplier<HttpRequest>> requests, double perSecond) throws InterruptedException {
        List<Call> calls = requests.stream().map(r -> Call.of(r.get())).toList();
        return run(64, (client, samples, done) -> {
            Vertx vertx = Vertx.currentContext().owner();
            for (int i = 0; i < calls.size(); i++) {
                int index = i;
                vertx.setTimer(Math.max(1, Math.round(i * 1000 / perSecond)), t -> send(client, index, calls.get(index), sample -> {
                    samples.add(sample);
                    done.countDown();
                }));
            }
        }, calls.size());
    }

    private record Indexed(int index, Call call) {
    }

    private interface Driver {
        void start(HttpClient client, List<Sample> samples, CountDownLatch done);
    }

    /** Starts the driver on the event loop and waits until it has counted {@code ends} down. */
    private static Run run(int connections, Driver driver, int ends) throws InterruptedException {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                    .setConnectTimeout(5000), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
            List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(ends);
            long t0 = System.nanoTime();
            vertx.runOnContext(v -> driver.start(client, samples, done));
            done.await();
            long wall = System.nanoTime() - t0;
            return new Run(new ArrayList<>(samples), wall);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** One worker of a closed loop: the next request as soon as the last one is answered, until there is none. */
    private static void loop(HttpClient client, List<Sample> samples, CountDownLatch done, Supplier<Indexed> next) {
        Indexed n = next.get();
        if (n == null) {
            done.countDown();
            return;
        }
        send(client, n.index(), n.call(), sample -> {
            samples.add(sample);
            loop(client, samples, done, next);
        });
    }

    private static void send(HttpClient client, int index, Call call, Consumer<Sample> answered) {
        long t = System.nanoTime();
        client.request(new RequestOptions().setMethod(call.method()).setAbsoluteURI(call.uri()).setHeaders(call.headers())
                        .setTimeout(call.timeoutMillis()))
                // a read goes without a body and without a Content-Length, as clients send it
                .compose(request -> call.body().length() == 0 ? request.send() : request.send(call.body()))
                .compose(response -> response.body().map(body -> {
                    long lat = System.nanoTime() - t;
                    String text = body.toString(StandardCharsets.UTF_8);
                    int status = response.statusCode();
                    return new Sample(index, t, lat, status, status >= 400 ? Http.problemCode(text) : null,
                            text.length() < 4000 ? text : text.substring(0, 4000));
                }))
                .onComplete(result -> answered.accept(result.succeeded() ? result.result()
                        : new Sample(index, t, System.nanoTime() - t, -1, result.cause().getClass().getSimpleName(),
                        String.valueOf(result.cause().getMessage()))));
    }
}

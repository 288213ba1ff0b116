package cn.hkmo.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A JVM load generator on a fixed thread pool (JDK 17: no virtual threads), one HTTP/1.1 connection per worker. */
public final class Load {

    /** One request: when it started (nanoTime), how long it took, status and problem code. */
    public record Sample(int index, long startNanos, long latencyNanos, int status, String code, String body) {
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
            for (Sample s : samples) {
                m.merge(s.status() + (s.code() != null ? " " + s.code() : ""), 1, Integer::sum);
            }
            List<String> parts = new ArrayList<>();
            m.forEach((k, v) -> parts.add(k + " x " + v));
            return String.join(", ", parts);
        }
    }

    private Load() {
    }

    /**
     * Closed loop: every request of {@code requests} once, {@code concurrency} in flight at a time, all workers
     * released together.
     */
    public static Run closed(List<Supplier<HttpRequest>> requests, int concurrency) throws InterruptedException {
        HttpClient client = Http.client(concurrency);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>(requests.size()));
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            pool.execute(() -> {
                try {
                    start.await();
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        samples.add(call(client, requests.get(i).get(), i));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        long t0 = System.nanoTime();
        start.countDown();
        done.await();
        long wall = System.nanoTime() - t0;
        pool.shutdownNow();
        return new Run(new ArrayList<>(samples), wall);
    }

    /** Closed loop for a fixed time, the same request again and again (warm-up, throughput of reads). */
    public static Run closedFor(Supplier<HttpRequest> request, int concurrency, long millis) throws InterruptedException {
        HttpClient client = Http.client(concurrency);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        long end = t0 + millis * 1_000_000L;
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int w = 0; w < concurrency; w++) {
            pool.execute(() -> {
                try {
                    while (System.nanoTime() < end) {
                        samples.add(call(client, request.get(), -1));
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long wall = System.nanoTime() - t0;
        pool.shutdownNow();
        return new Run(new ArrayList<>(samples), wall);
    }

    /** Open loop: request i is sent at t0 + i / rate, whatever the answers before it (a steady arrival rate). */
    public static Run open(List<Supplier<HttpRequest>> requests, double perSecond) throws InterruptedException {
        HttpClient client = Http.client(32);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(requests.size());
        long t0 = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            Supplier<HttpRequest> r = requests.get(i);
            int index = i;
            long at = Math.round(i * 1e9 / perSecond);
            timer.schedule(() -> pool.execute(() -> {
                try {
                    samples.add(call(client, r.get(), index));
                } finally {
                    done.countDown();
                }
            }), at, TimeUnit.NANOSECONDS);
        }
        done.await((long) (requests.size() / perSecond) + 120, TimeUnit.SECONDS);
        long wall = System.nanoTime() - t0;
        timer.shutdownNow();
        pool.shutdownNow();
        return new Run(new ArrayList<>(samples), wall);
    }

    static Sample call(HttpClient client, HttpRequest request, int index) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            long lat = System.nanoTime() - t;
            String body = r.body().length() < 4000 ? r.body() : r.body().substring(0, 4000);
            return new Sample(index, t, lat, r.statusCode(), r.statusCode() >= 400 ? Http.problemCode(r.body()) : null, body);
        } catch (Exception e) {
            return new Sample(index, t, System.nanoTime() - t, -1, e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        }
    }
}

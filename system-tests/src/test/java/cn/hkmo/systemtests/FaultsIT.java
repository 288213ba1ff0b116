package cn.hkmo.systemtests;

import cn.hkmo.contracts.Topics;
import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Replicas;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import io.restassured.response.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults during a stream of journeys ({@code hkmo.resilience.journeys}, default 20; 200 for the figures in
 * docs/reliability.md): while four clients run the journeys, the test kills issuance-service with {@code kill -9} and
 * starts it again, stops the Kafka broker until events queue up in an outbox and starts it again, and restarts
 * PostgreSQL, keeping it down until a consumer has met the outage (see {@link #POSTGRES_RESTART}). Clients behave as real ones do: a step that fails (5xx, connection refused, timeout) is retried with the
 * same {@code Idempotency-Key}, a step that turns out to be done already is taken as done.
 *
 * <p>Afterwards, from the services' databases and the API: every acknowledged booking exists exactly once (and each
 * journey's citizen has exactly one booking), every application exactly one order and at most one payment, which
 * exists for every acknowledged payment; every journey ends in the state it has without faults (four in five:
 * booking SERVED, order PAID, case ISSUED; one in five: booking CANCELLED, no application); every timeline shows each
 * step once; nothing is left in any outbox; no inbox holds an event twice; nothing went to a dead-letter topic.
 */
@SystemTest
@Order(Integer.MAX_VALUE - 1)
class FaultsIT {

    static final int JOURNEYS = Integer.getInteger("hkmo.resilience.journeys", 20);
    static final Duration STEP = Duration.ofSeconds(240);
    /**
     * On by default ({@code -Dhkmo.resilience.faults.postgres=false} leaves it out). Events consumed while the database
     * is down must wait for it, not go to a dead-letter topic (kit {@code Inbox.deliver}): the first version of the
     * consumers retried 2-3 times, 200 ms apart, and lost such effects (a booking left CHECKED_IN instead of SERVED).
     */
    static final boolean POSTGRES_RESTART = Boolean.parseBoolean(System.getProperty("hkmo.resilience.faults.postgres", "true"));

    static final class Journey {
        final int n;
        final Citizen citizen;
        final boolean cancel;
        final String bookKey = Api.newKey();
        final String decisionKey = Api.newKey();
        final String payKey = Api.newKey();
        volatile String bookingNo;
        volatile String checkInCode;
        volatile String applicationNo;
        volatile String orderNo;
        volatile boolean paymentAcknowledged;
        volatile boolean done;
        volatile String failure;

        Journey(int n, Citizen citizen) {
            this.n = n;
            this.citizen = citizen;
            this.cancel = n % 5 == 4;
        }
    }

    private final AtomicInteger retries = new AtomicInteger();

    @Test
    @DisplayName("kill -9 of a service, Kafka stopped, PostgreSQL restarted during a stream of journeys: nothing lost, "
            + "nothing twice, every journey ends as without faults, no outbox backlog")
    void faultsDuringAStreamOfJourneys() throws Exception {
        List<Citizen> citizens = Citizens.create("journey", JOURNEYS);
        List<Journey> journeys = new ArrayList<>();
        for (int i = 0; i < JOURNEYS; i++) {
            journeys.add(new Journey(i, citizens.get(i)));
        }
        Map<TopicPartition, Long> dlqBefore = deadLetterEnds();
        List<String> faults = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger started = new AtomicInteger();

        ExecutorService clients = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (Journey j : journeys) {
            runs.add(clients.submit(() -> {
                started.incrementAndGet();
                try {
                    run(j);
                    j.done = true;
                } catch (Throwable e) {
                    j.failure = e.toString();
                    Suite.log("[faults] journey " + j.n + " failed: " + e);
                }
            }));
        }
        CompletableFuture<Void> injector = CompletableFuture.runAsync(() -> {
            try {
                awaitProgress(started, JOURNEYS / 5);
                long t = System.nanoTime();
                Replicas.kill9(Suite.ISSUANCE);
                Replicas.restart(Suite.ISSUANCE);
                faults.add("kill -9 issuance-service, restarted after " + ms(t) + " ms");

                awaitProgress(started, JOURNEYS * 2 / 5);
                t = System.nanoTime();
                Suite.get().platform().kafka().stop();
                boolean queued = awaitQuietly(() -> Db.outboxBacklog() > 0, Duration.ofSeconds(30));
                Suite.get().platform().kafka().start();
                faults.add("Kafka broker stopped " + ms(t) + " ms" + (queued ? " (events queued in an outbox meanwhile)" : ""));

                if (POSTGRES_RESTART) {
                    awaitProgress(started, JOURNEYS * 3 / 5);
                    t = System.nanoTime();
                    double before = consumerOutageRetries();
                    boolean[] met = new boolean[1];
                    // down until a consumer has had to wait for it (events are in flight most of the time), 10 s at most
                    Suite.get().platform().postgres().restart(() ->
                            met[0] = awaitQuietly(() -> consumerOutageRetries() > before, Duration.ofSeconds(10)));
                    faults.add("PostgreSQL down and restarted in " + ms(t) + " ms"
                            + (met[0] ? " (a consumer met the outage and waited)" : " (no event consumed meanwhile)"));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // a fault that cannot be injected fails the test at once (the journeys would only wait for it)
        injector.whenComplete((v, e) -> {
            if (e != null) {
                Suite.log("[faults] injecting failed: " + e);
                clients.shutdownNow();
            }
        });
        for (Future<?> f : runs) {
            try {
                f.get(30, TimeUnit.MINUTES);
            } catch (java.util.concurrent.CancellationException | java.util.concurrent.ExecutionException e) {
                // reported through the journey's failure or the injector below
            }
        }
        if (injector.isCompletedExceptionally()) {
            injector.join();
        }
        clients.shutdown();
        injector.get(10, TimeUnit.MINUTES);
        long journeySeconds = (System.nanoTime() - t0) / 1_000_000_000L;

        List<String> failed = journeys.stream().filter(j -> !j.done).map(j -> "journey " + j.n + ": " + j.failure).toList();
        assertThat(failed).as("journeys that did not finish").isEmpty();

        // nothing stuck in an outbox
        await("every outbox empty").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> Db.outboxBacklog() == 0);

        // Events still on their way (a consumer in its last back-off after the outage) settle first: a bounded wait
        // until every journey is in its final state; whatever is still wrong after it is reported below.
        long settleStart = System.nanoTime();
        awaitQuietly(() -> {
            List<String> unsettled = new ArrayList<>();
            journeys.forEach(j -> check(j, unsettled));
            return unsettled.isEmpty();
        }, Duration.ofSeconds(60));
        long settledMs = ms(settleStart);
        List<String> problems = new ArrayList<>();
        for (Journey j : journeys) {
            check(j, problems);
        }
        // no inbox holds an event twice (per consumer)
        for (String db : Db.SERVICE_DATABASES) {
            long twice = Db.count(db, "select count(*) from (select consumer, event_id from inbox_event "
                    + "group by consumer, event_id having count(*) > 1) d");
            if (twice > 0) {
                problems.add(db + ": " + twice + " events in the inbox twice");
            }
        }
        Map<TopicPartition, Long> dlqAfter = deadLetterEnds();
        if (!dlqAfter.equals(dlqBefore)) {
            problems.add("dead-letter topics grew: " + dlqBefore + " -> " + dlqAfter);
        }
        long issued = journeys.stream().filter(j -> !j.cancel).count();
        Suite.log("[faults] " + JOURNEYS + " journeys (" + issued + " issued, " + (JOURNEYS - issued) + " cancelled) in "
                + journeySeconds + " s, " + retries.get() + " client retries; faults: " + faults + "; final states settled "
                + settledMs + " ms after the last journey; problems: " + problems.size());
        assertThat(faults).hasSize(POSTGRES_RESTART ? 3 : 2);
        assertThat(problems).as("lost, duplicated or wrong final state").isEmpty();
    }

    // ------------------------------------------------------------------ one journey, as a retrying client

    private void run(Journey j) {
        String t = "journey " + j.n + " ";
        Steps.Window[] window = new Steps.Window[1];
        await(t + "a window").atMost(STEP).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> (window[0] = Steps.nextWindow("BJ-CHAOYANG", j.n % 30)) != null);
        Map<String, Object> form = Steps.firstApplication(window[0], Citizens.REGION,
                Steps.ems("测试" + j.n, "北京市朝阳区测试路" + j.n + "号"));
        Response booked = retry(t + "book", () -> Api.withToken(j.citizen.token()).header("Idempotency-Key", j.bookKey)
                .body(form).post("/api/v1/bookings"), r -> r.statusCode() == 201);
        j.bookingNo = booked.path("bookingNo");
        j.checkInCode = booked.path("checkInCode");
        if (j.cancel) {
            retry(t + "cancel", () -> Api.withToken(j.citizen.token()).post("/api/v1/bookings/{no}/cancel", j.bookingNo),
                    r -> r.statusCode() / 100 == 2 || bookingStatus(j).equals("CANCELLED"));
            return;
        }
        retry(t + "check-in", () -> Api.as("officer.bj").body(Map.of("code", j.checkInCode)).post("/api/v1/officer/check-ins"),
                r -> r.statusCode() == 200 || bookingStatus(j).equals("CHECKED_IN"));
        retry(t + "at the counter", () -> Api.as("officer.bj").get("/api/v1/intake/bookings?size=200"),
                r -> r.statusCode() == 200 && r.jsonPath().getList("items.bookingNo", String.class).contains(j.bookingNo));
        retry(t + "materials", () -> Api.as("officer.bj")
                .body(Map.of("application", Map.of("endorsements", List.of(Map.of("destination", "HK", "type", "L"))),
                        "presented", Steps.ALL_MATERIALS.stream().map(k -> Map.of("key", k)).toList()))
                .put("/api/v1/intake/bookings/{no}/materials", j.bookingNo), r -> r.statusCode() == 200);
        Response accepted = retry(t + "accept", () -> Api.as("officer.bj").header("Idempotency-Key", j.decisionKey)
                .body(Map.of("decision", "ACCEPTED", "options", Map.of("HK-L", "P1Y/DOUBLE")))
                .post("/api/v1/intake/bookings/{no}/decision", j.bookingNo), r -> r.statusCode() == 200);
        j.applicationNo = accepted.path("applicationNo");
        Response order = retry(t + "order", () -> Api.withToken(j.citizen.token())
                .get("/api/v1/fees/orders/by-application/{no}", j.applicationNo), r -> r.statusCode() == 200);
        j.orderNo = order.path("orderNo");
        retry(t + "alipay trade", () -> Api.withToken(j.citizen.token()).header("Idempotency-Key", j.payKey)
                .body(Map.of("buyerOpenId", "2088000000009999")).post("/api/v1/fees/orders/{no}/alipay", j.orderNo),
                r -> r.statusCode() == 200);
        retry(t + "pay in the cashier", () -> given().baseUri(Suite.get().simulatorUrl()).post("/trades/{no}/pay", j.orderNo),
                r -> r.statusCode() == 200 || r.statusCode() == 409);
        retry(t + "order PAID", () -> Api.withToken(j.citizen.token()).get("/api/v1/fees/orders/{no}", j.orderNo),
                r -> r.statusCode() == 200 && "PAID".equals(r.path("status")));
        j.paymentAcknowledged = true;
        retry(t + "case opened", () -> Api.as("reviewer.bj").get("/api/v1/cases/{no}", j.applicationNo), r -> r.statusCode() == 200);
        retry(t + "approve", () -> Api.as("reviewer.bj").post("/api/v1/cases/{no}/approval", j.applicationNo),
                r -> r.statusCode() == 204 || caseStatus(j).matches("APPROVED|ISSUED"));
        retry(t + "case ISSUED", () -> Api.withToken(j.citizen.token()).get("/api/v1/cases/{no}", j.applicationNo),
                r -> r.statusCode() == 200 && "ISSUED".equals(r.path("status")));
    }

    /**
     * Repeats {@code call} every half second (a client's back-off) until {@code done} holds; exceptions, 5xx and other
     * answers are retried, for {@link #STEP}.
     */
    private Response retry(String what, Callable<Response> call, Predicate<Response> done) {
        Response[] last = new Response[1];
        Throwable[] error = new Throwable[1];
        AtomicInteger attempts = new AtomicInteger();
        try {
            await(what).atMost(STEP).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (attempts.incrementAndGet() > 1) {
                    retries.incrementAndGet();
                }
                try {
                    last[0] = call.call();
                    return done.test(last[0]);
                } catch (Throwable e) {
                    error[0] = e;
                    return false;
                }
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(what + " not done after " + STEP.toSeconds() + " s; last answer "
                    + (last[0] == null ? "none" : last[0].statusCode() + " " + last[0].asString())
                    + (error[0] != null ? "; last error " + error[0] : ""));
        }
        return last[0];
    }

    private static String bookingStatus(Journey j) {
        try {
            Response r = Api.withToken(j.citizen.token()).get("/api/v1/bookings/{no}", j.bookingNo);
            return r.statusCode() == 200 ? r.path("status") : "?";
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String caseStatus(Journey j) {
        try {
            Response r = Api.as("reviewer.bj").get("/api/v1/cases/{no}", j.applicationNo);
            return r.statusCode() == 200 ? r.path("status") : "?";
        } catch (RuntimeException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------ checks after the faults

    private static void check(Journey j, List<String> problems) {
        String p = "journey " + j.n + " (" + j.bookingNo + ", " + j.applicationNo + "): ";
        String sub = (String) Tokens.claims(j.citizen.token()).get("sub");
        long bookings = Db.count("appointment", "select count(*) from booking where booking_no = ?", j.bookingNo);
        long bookingsOfCitizen = Db.count("appointment", "select count(*) from booking where citizen_subject = ?", sub);
        if (bookings != 1 || bookingsOfCitizen != 1) {
            problems.add(p + "bookings " + bookings + ", of the citizen " + bookingsOfCitizen);
        }
        String status = bookingStatus(j);
        if (j.cancel) {
            if (!"CANCELLED".equals(status)) {
                problems.add(p + "booking " + status + " instead of CANCELLED");
            }
            long applications = Db.count("eligibility", "select count(*) from application where booking_no = ?", j.bookingNo);
            if (applications != 0) {
                problems.add(p + applications + " applications for a cancelled booking");
            }
            return;
        }
        if (!"SERVED".equals(status)) {
            problems.add(p + "booking " + status + " instead of SERVED");
        }
        long applications = Db.count("eligibility", "select count(*) from application where booking_no = ?", j.bookingNo);
        long orders = Db.count("fee", "select count(*) from payment_order where application_no = ?", j.applicationNo);
        long payments = Db.count("fee", "select count(*) from payment where order_no = ?", j.orderNo);
        long cases = Db.count("issuance", "select count(*) from case_file where application_no = ?", j.applicationNo);
        if (applications != 1 || orders != 1 || payments != 1 || cases != 1) {
            problems.add(p + "applications " + applications + ", orders " + orders + ", payments " + payments + ", cases " + cases);
        }
        String caseStatus = caseStatus(j);
        if (!"ISSUED".equals(caseStatus)) {
            problems.add(p + "case " + caseStatus + " instead of ISSUED");
        }
        List<String> steps = Steps.timeline(j.citizen.token(), j.applicationNo);
        Map<String, Integer> times = new HashMap<>();
        steps.forEach(s -> times.merge(s, 1, Integer::sum));
        for (String step : List.of("BOOKED", "CHECKED_IN", "ACCEPTED", "FEE_ASSESSED", "PAID", "APPROVED", "ISSUED")) {
            if (times.getOrDefault(step, 0) != 1) {
                problems.add(p + "timeline step " + step + " " + times.getOrDefault(step, 0) + " times: " + steps);
            }
        }
    }

    private static Map<TopicPartition, Long> deadLetterEnds() throws Exception {
        try (Admin admin = Suite.get().platform().kafka().admin()) {
            Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
            for (String topic : Topics.ALL) {
                String dlq = Topics.deadLetter(topic);
                admin.describeTopics(List.of(dlq)).allTopicNames().get(30, TimeUnit.SECONDS).get(dlq).partitions()
                        .forEach(pi -> specs.put(new TopicPartition(dlq, pi.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        }
    }

    private static void awaitProgress(AtomicInteger started, int atLeast) {
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(200)).until(() -> started.get() >= Math.max(1, atLeast));
    }

    /** Sum over the services of {@code hkmo_inbox_retries_total{cause="outage"}}: consumers waiting for the database. */
    private static double consumerOutageRetries() {
        double total = 0;
        for (String app : List.of(Suite.APPOINTMENT, Suite.ELIGIBILITY, Suite.FEE, Suite.ISSUANCE)) {
            String metrics;
            try {
                metrics = given().baseUri(Suite.get().managementUrl(app)).get("/q/metrics").asString();
            } catch (RuntimeException down) {
                continue; // counted again on the next poll
            }
            total += metrics.lines().filter(l -> l.startsWith("hkmo_inbox_retries_total{") && l.contains("cause=\"outage\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        }
        return total;
    }

    private static boolean awaitQuietly(Callable<Boolean> condition, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(condition);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    private static long ms(long t) {
        return (System.nanoTime() - t) / 1_000_000;
    }
}

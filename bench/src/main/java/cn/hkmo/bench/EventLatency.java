package cn.hkmo.bench;

import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Part 3: E bookings at a steady rate (open loop) through the gateway, by the rush's SLOT_FULL citizens; then, from
 * PostgreSQL, each {@code appointment.booked.v1} outbox row's {@code created_at} against the consumers' inbox
 * {@code processed_at}.
 */
final class EventLatency extends BenchPart {

    static final String PART = "3 event latency";

    /**
     * The consumers of {@code appointment.booked.v1} the part measures, and the inbox name each records it under; the
     * rush reports their CPU too.
     */
    static final List<Map.Entry<String, String>> CONSUMERS = List.of(
            Map.entry("eligibility-service", "eligibility-bookings"), Map.entry("issuance-service", "issuance-appointments"));

    EventLatency(Options options, Stage stage, BookingDay day, Findings findings) {
        super(options, stage, day, findings);
    }

    void run() throws Exception {
        Report report = findings.report;
        if (day.eventCitizens.size() < o.events()) {
            throw new IllegalStateException("only " + day.eventCitizens.size() + " citizens without a booking for " + o.events() + " events");
        }
        Map<String, String> consumers = new LinkedHashMap<>();
        for (Map.Entry<String, String> consumer : CONSUMERS) {
            Stage.AppInfo app = stage.apps().get(consumer.getKey());
            if (app != null && app.javaPid > 0) {
                consumers.put(consumer.getKey(), consumer.getValue());
            }
        }
        List<String> tokens = stage.keycloak().tokens(day.eventCitizens, 4);
        List<Supplier<HttpRequest>> requests = new ArrayList<>();
        for (String t : tokens) {
            requests.add(day.booking(stage.url("gateway"), t, BookingDay.EVENT_HALL, day.eventStart));
        }
        findings.load("events");
        Map<String, Map<String, Double>> threads0 = new LinkedHashMap<>();
        for (String app : consumers.keySet()) {
            threads0.put(app, CpuMeter.threadsOf(stage.apps().get(app).javaPid));
        }
        Load.Run run = Load.open(requests, o.eventRate());
        List<String> bookingNos = new ArrayList<>();
        for (Load.Sample s : run.samples()) {
            if (s.status() == 201) {
                bookingNos.add(Http.parse(s.body()).get("bookingNo").asText());
            }
        }
        if (bookingNos.size() != o.events()) {
            throw new IllegalStateException("steady-rate bookings: " + run.outcomes());
        }
        Map<String, Instant[]> outbox = new HashMap<>(); // event id -> created, published
        try (Connection c = stage.platform().postgres().connectAsSuperuser("appointment");
             PreparedStatement ps = c.prepareStatement("select event_id::text, created_at, published_at from outbox_event "
                     + "where type = 'appointment.booked.v1' and message_key = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", bookingNos.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    outbox.put(rs.getString(1), new Instant[] {rs.getTimestamp(2).toInstant(),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()});
                }
            }
        }
        for (var consumer : consumers.entrySet()) {
            String db = consumer.getKey().replace("-service", "");
            Map<String, Instant> applied = new HashMap<>();
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (applied.size() < outbox.size() && System.nanoTime() < deadline) {
                applied = inbox(db, consumer.getValue(), outbox.keySet());
                if (applied.size() < outbox.size()) {
                    Thread.sleep(250);
                }
            }
            cpuPerEvent(consumer.getKey(), threads0.get(consumer.getKey()), applied.size());
            List<Long> commitToApplied = new ArrayList<>();
            List<Long> relay = new ArrayList<>();
            for (var e : outbox.entrySet()) {
                Instant a = applied.get(e.getKey());
                if (a != null) {
                    commitToApplied.add(java.time.Duration.between(e.getValue()[0], a).toNanos());
                }
                if (e.getValue()[1] != null) {
                    relay.add(java.time.Duration.between(e.getValue()[0], e.getValue()[1]).toNanos());
                }
            }
            Stats s = Stats.ofNanos(commitToApplied);
            String who = consumer.getKey();
            report.add(PART, who + ": events applied / booked", applied.size(), "of " + outbox.size(), "all", applied.size() == outbox.size());
            report.add(PART, who + ": commit-to-applied p50", s.p50Ms(), "ms");
            report.add(PART, who + ": commit-to-applied p95", s.p95Ms(), "ms");
            report.add(PART, who + ": commit-to-applied p99", s.p99Ms(), "ms", "<= 100 ms", s.p99Ms() <= 100.0);
            report.add(PART, who + ": commit-to-applied max", s.maxMs(), "ms");
            if (who.equals("eligibility-service")) {
                Stats r = Stats.ofNanos(relay);
                report.add(PART, "outbox relay (created to published) p50", r.p50Ms(), "ms");
                report.add(PART, "outbox relay (created to published) p99", r.p99Ms(), "ms");
            }
        }
        report.add(PART, "steady rate (open loop)", o.eventRate(), "bookings/s");
        report.add(PART, "bookings", o.events(), "");
        report.add(PART, "achieved rate", run.perSecond(), "bookings/s");
        report.add(PART, "booking latency p99 at this rate", run.latency().p99Ms(), "ms");
    }

    /**
     * The consumer's CPU per applied event since the first booking, split by thread as the rush's is, including what
     * it did besides (its relay, schedulers), which idles at well under 1% of a core. No JFR recording here: starting
     * one makes a JDK 17 JIT recompile what it had compiled, and the consumers' latency is this part's figure.
     */
    private void cpuPerEvent(String app, Map<String, Double> before, int events) {
        long pid = stage.apps().get(app).javaPid;
        Map<String, Double> spent = new LinkedHashMap<>();
        CpuMeter.threadsOf(pid).forEach((kind, seconds) -> spent.put(kind, seconds - before.getOrDefault(kind, 0.0)));
        double all = spent.values().stream().mapToDouble(Double::doubleValue).sum();
        findings.report.add(PART, app + ": CPU per event applied", 1000 * all / Math.max(1, events), "ms");
        spent.forEach((kind, seconds) -> findings.report.add(PART, app + ": CPU per event applied, of which " + kind,
                1000 * seconds / Math.max(1, events), "ms"));
    }

    private Map<String, Instant> inbox(String db, String consumer, Collection<String> eventIds) throws Exception {
        Map<String, Instant> applied = new HashMap<>();
        try (Connection c = stage.platform().postgres().connectAsSuperuser(db);
             PreparedStatement ps = c.prepareStatement("select event_id, processed_at from inbox_event where consumer = ? and event_id = any(?)")) {
            ps.setString(1, consumer);
            ps.setArray(2, c.createArrayOf("varchar", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return applied;
    }

    @Override
    void describe(Report r) {
        r.line("## 3. Event latency (commit → applied in another service)");
        r.line("");
        r.line("Bookings at a steady rate (open loop) through the gateway; for each `appointment.booked.v1` the outbox row's "
                + "`created_at` (set in the booking transaction, just before its commit: the figure is slightly pessimistic) "
                + "against the consumer's inbox `processed_at` (set in the consumer's transaction), both read from PostgreSQL "
                + "after the run. Path: outbox relay (woken by the commit) → Kafka → consumer. Each consumer's CPU per "
                + "event applied, from the first booking until its last event was applied, split by thread as the rush's.");
        r.line("");
        r.table(PART);
    }
}

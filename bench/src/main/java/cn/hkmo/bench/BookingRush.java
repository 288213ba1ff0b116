package cn.hkmo.bench;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Part 1: N citizens (N distinct tokens) book one window of capacity k through the gateway, C in flight, profiled with
 * JFR; correctness from the answers and the database; the ceiling is pgbench running the service's booking
 * transaction at the same sizes. With {@code --large-rush}, the same again at N=10,000, k=1,000.
 */
final class BookingRush extends BenchPart {

    static final String PART = "1 booking rush";
    static final String LARGE_PART = "1b larger booking rush";
    /** The applications the rush is profiled in. */
    private static final List<String> PROFILED = List.of("appointment-service", "gateway");

    /** A bound on the bench's time; the warm-up's tokens live longer ({@link Keycloak#TOKEN_LIFESPAN}). */
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(200);

    /** A citizen who booked in one pass too many meets the limit per period (CitizenLimits) in a later one. */
    private static final Set<String> WARM_UP_BOOKING_ANSWERS = Set.of("201", "409 SLOT_FULL", "429 BOOKING_LIMIT_REACHED");

    private final Footprint footprint;
    private final Map<String, Profiler.Profile> rushProfiles = new LinkedHashMap<>();
    private List<Stage.AppInfo> profiled = List.of();
    private final Map<String, String> pgbenchCommands = new LinkedHashMap<>();
    private List<String> rushTokens = List.of();
    private List<String> largeTokens = List.of();

    BookingRush(Options options, Stage stage, BookingDay day, Footprint footprint, Findings findings) {
        super(options, stage, day, findings);
        this.footprint = footprint;
    }

    void run() throws Exception {
        String gatewayUrl = stage.url("gateway");
        // The recording starts before the warm-up, not with the rush: starting JFR on JDK 17 instruments the JDK's socket
        // and file classes, and the JIT then recompiles every hot path that inlined them. Each rush reads its own window.
        profiled = PROFILED.stream().map(stage.apps()::get).filter(a -> a != null && a.javaPid > 0).toList();
        for (Stage.AppInfo a : profiled) {
            Profiler.start(a.javaPid);
        }
        try {
            // Every rush's tokens before the warm-up, so that each rush follows traffic without a pause, as a rush does in
            // production: fetching them in between left the services idle for 45 s and 300 s, and the rushes began by
            // deoptimising and recompiling what the warm-up had compiled (bench/README.md, "Booking rush").
            rushTokens = tokens("rush", day.rushCitizens);
            if (o.largeRush()) {
                largeTokens = tokens("large rush", day.largeCitizens);
            }
            warmUpAndRush(gatewayUrl);
        } finally {
            if (!o.largeRush()) {
                stopProfiling();
            }
        }
    }

    private List<String> tokens(String what, List<Keycloak.Citizen> citizens) throws Exception {
        long s = System.nanoTime();
        List<String> tokens = stage.keycloak().tokens(citizens, 4);
        Bench.log(tokens.size() + " " + what + " tokens in " + (System.nanoTime() - s) / 1_000_000 + " ms");
        return tokens;
    }

    private void warmUpAndRush(String gatewayUrl) throws Exception {
        warmUp(gatewayUrl);
        Load.Run run = rushOf(PART, rushTokens, o.capacity(), BookingDay.RUSH_HALL, day.rushStart, "");
        run.samples().stream().filter(x -> "SLOT_FULL".equals(x.code())).map(x -> day.rushCitizens.get(x.index()))
                .limit(o.events()).forEach(day.eventCitizens::add);
    }

    /**
     * Passes of the rush's own mix on the day's other windows of capacity k, one after the other: W other citizens book
     * the pass's window, the first k get 201 and the others SLOT_FULL, then the k cancel, which frees the window for a
     * later pass. A pass starts k citizens further along, so each books once in W/k passes, within the limit per period.
     * The passes go on until the JIT is quiet: a rush meets a service that has served for hours, and on two cores C2
     * defers methods while its queue is long (in the run of 17:36 UTC, 2026-12-05, the JIT took 30-56% of
     * appointment-service's CPU for the first 24 passes).
     */
    private void warmUp(String gatewayUrl) throws Exception {
        List<String> tokens = stage.keycloak().tokens(day.warmCitizens, 4);
        int w = tokens.size();
        long started = System.nanoTime();
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> shares = new ArrayList<>();
        List<Stage.AppInfo> consumers = consumers();
        List<String> consumersJit = new ArrayList<>();
        int passes = 0;
        double jit;
        do {
            int offset = passes * o.capacity() % w;
            String window = day.warmWindows.get(passes % day.warmWindows.size());
            List<Supplier<HttpRequest>> bookings = new ArrayList<>();
            for (int i = 0; i < w; i++) {
                bookings.add(day.booking(gatewayUrl, tokens.get((offset + i) % w), BookingDay.RUSH_HALL, window));
            }
            Map<Long, Map<String, Double>> before = new LinkedHashMap<>();
            profiled.forEach(a -> before.put(a.javaPid, CpuMeter.threadsOf(a.javaPid)));
            consumers.forEach(a -> before.put(a.javaPid, CpuMeter.threadsOf(a.javaPid)));
            Load.Run pass = Load.closed(bookings, o.concurrency());
            Load.Run cancelled = Load.closed(cancellations(gatewayUrl, pass, i -> tokens.get((offset + i) % w)), o.concurrency());
            expectOnly(pass, WARM_UP_BOOKING_ANSWERS);
            expectOnly(cancelled, Set.of("200"));
            pass.countAnswers(outcomes);
            cancelled.countAnswers(outcomes);
            jit = profiled.stream().mapToDouble(a -> CpuMeter.jitShare(before.get(a.javaPid), CpuMeter.threadsOf(a.javaPid)))
                    .max().orElse(0);
            // the consumers' JIT in CPU seconds, not as a share: their pass is mostly idle threads polling
            double consumersJitSeconds = consumers.stream().mapToDouble(a -> CpuMeter.threadsOf(a.javaPid)
                    .getOrDefault(CpuMeter.JIT, 0.0) - before.get(a.javaPid).getOrDefault(CpuMeter.JIT, 0.0)).sum();
            passes++;
            shares.add(String.format(Locale.ROOT, "%.0f%%", 100 * jit));
            consumersJit.add(String.format(Locale.ROOT, "%.2f", consumersJitSeconds));
            Bench.log("warm-up pass " + passes + ": " + pass.outcomes() + ", cancelled " + cancelled.outcomes() + ", JIT "
                    + shares.get(shares.size() - 1) + ", consumers' JIT " + consumersJit.get(consumersJit.size() - 1) + " s");
        } while (passes < o.warmupPasses() || jit > o.warmupJitShare() && System.nanoTime() - started < WARM_UP_LIMIT.toNanos());
        findings.notes.add(String.format(Locale.ROOT, "Warm-up (not measured): %d %s of %d bookings and their 201s' "
                + "cancellations in %.0f s, on %d windows of %s in turn, %s; the JIT compiler threads' share of the CPU of the "
                + "busier profiled JVM, pass by pass: %s%s; the CPU seconds of the events' consumers' JIT compiler threads, "
                + "pass by pass: %s.", passes, passes == 1 ? "pass" : "passes", w,
                (System.nanoTime() - started) / 1e9, Math.min(passes, day.warmWindows.size()), BookingDay.RUSH_HALL,
                Load.outcomes(outcomes), String.join(", ", shares), jit > o.warmupJitShare() ? " (stopped by the time limit)" : "",
                String.join(", ", consumersJit)));
    }

    /** The warm-up stops the bench on any other answer: its mix would no longer be the rush's, and it is a finding. */
    private static void expectOnly(Load.Run run, Set<String> answers) {
        run.samples().stream().filter(x -> !answers.contains(x.answer())).findFirst().ifPresent(x -> {
            throw new IllegalStateException("warm-up: unexpected answer " + x.answer() + " among " + run.outcomes() + ": " + x.body());
        });
    }

    /** Each booked citizen's cancellation of the booking that a pass got 201 for ({@code token}: by request index). */
    private List<Supplier<HttpRequest>> cancellations(String gatewayUrl, Load.Run pass, IntFunction<String> token) {
        List<Supplier<HttpRequest>> cancels = new ArrayList<>();
        for (Load.Sample x : pass.samples()) {
            if (x.status() == 201) {
                cancels.add(day.cancel(gatewayUrl, token.apply(x.index()), Http.parse(x.body()).get("bookingNo").asText()));
            }
        }
        return cancels;
    }

    /** The second, larger rush ({@code --large-rush}): its own hall and citizens, measured and checked like the first. */
    void runLarge() throws Exception {
        try {
            rushOf(LARGE_PART, largeTokens, o.largeCapacity(), BookingDay.LARGE_HALL, day.rushStart, " (large)");
        } finally {
            stopProfiling();
        }
    }

    /** The applications the bookings' events reach (EventLatency's consumers) that run here. */
    private List<Stage.AppInfo> consumers() {
        return EventLatency.CONSUMERS.stream().map(Map.Entry::getKey).map(stage.apps()::get)
                .filter(a -> a != null && a.javaPid > 0).toList();
    }

    /** Before the gateway hop: the other parts are measured without a recording. */
    private void stopProfiling() throws Exception {
        for (Stage.AppInfo a : profiled) {
            Profiler.stop(a.javaPid);
        }
    }

    /**
     * One rush: N citizens (N distinct tokens) post a booking for one window of capacity k, C in flight, profiled with
     * JFR; then the correctness from the answers and the database, and the pgbench ceiling at the same sizes.
     */
    private Load.Run rushOf(String part, List<String> tokens, int capacity, String hall, String windowStart,
                            String label) throws Exception {
        Report report = findings.report;
        List<Supplier<HttpRequest>> requests = new ArrayList<>();
        for (String t : tokens) {
            requests.add(day.booking(stage.url("gateway"), t, hall, windowStart));
        }
        findings.load("rush" + label + " (after tokens)");
        Thread sampler = footprint.samplePeakRss();
        Load.Run run;
        List<Stage.AppInfo> measured = new ArrayList<>(profiled);
        // the rush's bookings' events reach these during the rush: their CPU by kind of thread is reported too
        measured.addAll(consumers());
        CpuMeter.Snapshot cpu0 = CpuMeter.snapshot(stage::component);
        Map<String, Map<String, Double>> threads0 = new LinkedHashMap<>();
        for (Stage.AppInfo a : measured) {
            threads0.put(a.name, CpuMeter.threadsOf(a.javaPid));
        }
        Instant from = Instant.now();
        try {
            run = Load.closed(requests, o.concurrency());
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        Instant to = Instant.now();
        // Before the recordings are dumped and read: writing one costs the recorded JVM, reading it the bench's.
        CpuMeter.Snapshot cpu = CpuMeter.snapshot(stage::component).minus(cpu0);
        Map<String, Map<String, Double>> threads = new LinkedHashMap<>();
        for (Stage.AppInfo a : measured) {
            Map<String, Double> before = threads0.get(a.name);
            Map<String, Double> d = new LinkedHashMap<>();
            CpuMeter.threadsOf(a.javaPid).forEach((kind, seconds) -> d.put(kind, seconds - before.getOrDefault(kind, 0.0)));
            threads.put(a.name, d);
        }
        Path profiles = o.repoRoot().resolve("bench/target/profiles");
        Files.createDirectories(profiles);
        for (Stage.AppInfo a : profiled) {
            Path jfr = profiles.resolve(a.name + "-rush" + label.replaceAll("[^a-z]", "") + ".jfr");
            Profiler.dump(a.javaPid, jfr);
            rushProfiles.put(a.name + label, Profiler.read(jfr, 15, from, to));
        }
        findings.cpuOfRush.put("the rush" + label + " (service)", cpu.describe(Machine.cores()));
        long booked = run.count(201);
        long full = run.countCode("SLOT_FULL");
        long other = run.samples().size() - booked - full;
        long dbBooked;
        int dbTaken;
        int dbCapacity;
        try (Connection c = stage.platform().postgres().connectAsSuperuser("appointment")) {
            dbBooked = single(c, "select count(*) from booking where hall_id = ? and slot_date = ? and window_start = ?::time and status = 'BOOKED'",
                    hall, day.day, windowStart);
            dbTaken = (int) single(c, "select taken from slot_capacity where hall_id = ? and slot_date = ? and window_start = ?::time",
                    hall, day.day, windowStart);
            dbCapacity = (int) single(c, "select capacity from slot_capacity where hall_id = ? and slot_date = ? and window_start = ?::time",
                    hall, day.day, windowStart);
        }
        int n = tokens.size();
        boolean correct = booked == capacity && full == n - capacity && other == 0
                && dbBooked == capacity && dbTaken == capacity && dbCapacity == capacity;
        Stats lat = run.latency();
        double attemptsPerS = run.perSecond();
        double bookedPerS = booked / (run.wallNanos() / 1e9);
        report.add(part, "citizens N (distinct real tokens)", n, "");
        report.add(part, "window capacity k", capacity, "");
        report.add(part, "client concurrency", o.concurrency(), "in flight");
        report.add(part, "201 booked", booked, "", "= k", booked == capacity);
        report.add(part, "409 SLOT_FULL", full, "", "= N-k", full == n - capacity);
        report.add(part, "other outcomes", other, "", "0", other == 0);
        report.add(part, "booking rows in DB / taken / capacity", dbBooked, "rows", "= k, never > capacity", dbBooked == capacity && dbTaken <= dbCapacity);
        report.add(part, "rush wall time", run.wallNanos() / 1e6, "ms");
        report.add(part, "service: requests/s (booked + SLOT_FULL)", attemptsPerS, "req/s");
        report.add(part, "service: bookings/s (201 only, over the rush)", bookedPerS, "bookings/s");
        report.add(part, "service latency p50", lat.p50Ms(), "ms");
        report.add(part, "service latency p95", lat.p95Ms(), "ms");
        report.add(part, "service latency p99", lat.p99Ms(), "ms");
        for (Stage.AppInfo a : measured) {
            String app = a.name;
            report.add(part, app + ": CPU per booking request", 1e3 * cpu.cpu().getOrDefault(app, 0.0) / n, "ms");
            // the same CPU by kind of thread: how much of it is the JIT still compiling, and the collector
            threads.getOrDefault(app, Map.of()).forEach((kind, seconds) ->
                    report.add(part, app + ": of which " + kind, 1e3 * seconds / n, "ms"));
        }
        if (other > 0) {
            findings.notes.add("Rush" + label + ": unexpected outcomes " + run.outcomes() + "; first: " + run.samples().stream()
                    .filter(x -> x.status() != 201 && !"SLOT_FULL".equals(x.code())).findFirst().map(Load.Sample::body).orElse(""));
        }
        ceiling(part, hall, n, capacity, run, lat, correct);
        return run;
    }

    private void ceiling(String part, String hall, int citizens, int capacity, Load.Run run, Stats serviceLatency,
                         boolean rushCorrect) throws Exception {
        Report report = findings.report;
        if (!Machine.hasTool("pgbench")) {
            findings.notes.add("pgbench is not installed (apt-get install postgresql-client): no database ceiling in this run.");
            report.add(part, "pgbench ceiling", Double.NaN, "tx/s", "service >= 50% of it", "not measured");
            return;
        }
        int personal;
        int envelope;
        int response;
        try (Connection c = stage.platform().postgres().connectAsSuperuser("appointment")) {
            personal = (int) single(c, "select coalesce(avg(length(personal_data)), 600)::int from booking where hall_id = ?", hall);
            // the booking's own rows: not the warm-up's cancellations, whose events and answers are there too
            envelope = (int) single(c, "select coalesce(avg(length(envelope)), 1500)::int from outbox_event where type = "
                    + "'appointment.booked.v1' and message_key in (select booking_no from booking where hall_id = ?)", hall);
            response = (int) single(c, "select coalesce(avg(length(response_json)), 1000)::int from idempotency_key "
                    + "where scope = 'book' and response_json is not null");
        }
        Path dir = stage.work().resolve("pgbench-" + hall);
        Files.createDirectories(dir);
        int port = stage.platform().postgres().port();
        // Warm-up window (23:00) then the measured one (23:30): the same mix as the rush, N transactions, capacity k.
        Path warmScript = dir.resolve("booking-warmup.sql");
        Files.writeString(warmScript, Pgbench.script(new Pgbench.Window(hall, day.day.toString(), "23:00", "23:30", capacity),
                personal, envelope, response));
        Pgbench.run(port, "appointment", warmScript, o.concurrency(), 2,
                Math.max(1, citizens / o.concurrency() / 2), dir);
        Path script = dir.resolve("booking.sql");
        Files.writeString(script, Pgbench.script(new Pgbench.Window(hall, day.day.toString(), "23:30", "23:59", capacity),
                personal, envelope, response));
        if (part.equals(PART)) {
            Files.copy(script, o.out().resolve("pgbench-booking.sql"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        findings.load("pgbench " + part);
        CpuMeter.Snapshot cpu0 = CpuMeter.snapshot(stage::component);
        Pgbench.Result pg = Pgbench.run(port, "appointment", script, o.concurrency(), 2,
                citizens / o.concurrency(), dir);
        findings.cpuOfRush.put("pgbench (ceiling of " + part + ")",
                CpuMeter.snapshot(stage::component).minus(cpu0).describe(Machine.cores()));
        long pgTaken;
        try (Connection c = stage.platform().postgres().connectAsSuperuser("appointment")) {
            pgTaken = single(c, "select taken from slot_capacity where hall_id = ? and slot_date = ? and window_start = '23:30'::time",
                    hall, day.day);
        }
        pgbenchCommands.put(part, pg.command());
        double ratio = run.perSecond() / pg.tps();
        report.add(part, "pgbench ceiling: transactions/s (same mix, same concurrency)", pg.tps(), "tx/s");
        report.add(part, "pgbench latency p50", pg.latency().p50Ms(), "ms");
        report.add(part, "pgbench latency p95", pg.latency().p95Ms(), "ms");
        report.add(part, "pgbench latency p99", pg.latency().p99Ms(), "ms");
        report.add(part, "pgbench places taken (must be k)", pgTaken, "", "= k", pgTaken == capacity);
        report.add(part, "service / ceiling (throughput)", ratio, "ratio", ">= 0.50", ratio >= 0.5);
        report.add(part, "zero overbooking", rushCorrect ? 1 : 0, "bool", "1", rushCorrect);
        report.add(part, "latency p50 service / pgbench", serviceLatency.p50Ms() / pg.latency().p50Ms(), "ratio");
    }

    private static long single(Connection c, String sql, Object... args) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                ps.setObject(i + 1, a instanceof LocalDate d ? java.sql.Date.valueOf(d) : a);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row: " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    @Override
    void describe(Report r) {
        r.line("## 1. Booking rush vs the database ceiling");
        r.line("");
        r.line("k places of one window released to N citizens at once, each with their own password-grant token "
                + "(bench citizens created through the Keycloak admin API with valid GB 11643 numbers), `POST /api/v1/bookings` "
                + "through the gateway with an `Idempotency-Key`, %d in flight. Ceiling: pgbench running the service's booking "
                + "transaction (`pgbench-booking.sql`: idempotency key, person lock and hall share lock in one statement (the hall's revision), the checks, lazy "
                + "counter row, conditional update, then booking + outbox + stored response and COMMIT, or ROLLBACK when full), "
                + "with the average payload sizes of the service's own rows, same N, k and concurrency.", o.concurrency());
        r.line("");
        r.table(PART);
        if (pgbenchCommands.containsKey(PART)) {
            r.line("pgbench: `%s`", pgbenchCommands.get(PART));
            r.line("");
        }
        if (o.largeRush()) {
            r.line("### The larger rush: how cost grows");
            r.line("");
            r.line("The same measurement at N=%,d, k=%,d (`--large-rush`): its own hall `%s` and citizens, after the first "
                    + "rush, with its own pgbench ceiling at these sizes. Compare requests/s, p99 and CPU per request with "
                    + "the table above: what grows with N and k shows there.", o.largeCitizens(), o.largeCapacity(),
                    BookingDay.LARGE_HALL);
            r.line("");
            r.table(LARGE_PART);
            if (pgbenchCommands.containsKey(LARGE_PART)) {
                r.line("pgbench: `%s`", pgbenchCommands.get(LARGE_PART));
                r.line("");
            }
        }
        if (!rushProfiles.isEmpty()) {
            r.line("### Where the rush's CPU goes (JFR, `profile` settings, during the measured rush)");
            r.line("");
            r.line("Java stack samples of the measured rush only (the recording starts before the warm-up, so that JFR's own "
                    + "start-up does not fall in the rush; the events of the rush's window are read); recordings in `bench/target/profiles/`, "
                    + "open them with JDK Mission Control or `jfr print`. *Self*: the frame on top of the stack. *Inclusive*: "
                    + "the samples with the frame anywhere on the stack, among the suite's and its frameworks' own methods.");
            r.line("");
            rushProfiles.forEach((app, profile) -> Profiler.describe(r, app, profile));
        }
    }
}

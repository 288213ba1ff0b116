package cn.hkmo.bench;

import cn.hkmo.platform.LocalPlatform;
import cn.hkmo.platform.PlatformConfig;
import cn.hkmo.platform.Ports;
import com.fasterxml.jackson.databind.JsonNode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bench: starts a private platform and the applications through the launcher's code (free ports, its own data
 * folder), measures the five parts of issue 9 in one run, stops everything and writes RESULTS.md and results.csv.
 *
 * <p>{@code bench/run.sh [--smoke] ...}; see bench/README.md.
 */
public final class Bench {

    static final String RUSH_HALL = "BJ-BENCH";
    static final String EVENT_HALL = "BJ-BENCH-EV";
    static final String LARGE_HALL = "BJ-BENCH-XL";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Options o;
    private final Report report = new Report();
    private final Map<String, AppInfo> apps = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> loads = new LinkedHashMap<>();
    private final long ownPid = ProcessHandle.current().pid();
    private LocalPlatform platform;
    private Keycloak keycloak;
    private String gatewayUrl;
    private String appointmentUrl;
    private String eligibilityUrl;
    private Path work;

    /** An application as started: ports, pids, start-up time, RSS samples. */
    static final class AppInfo {
        final String name;
        final int port;
        final int managementPort = Ports.free();
        long javaPid = -1;
        double readyMs;
        double quarkusStartedS = Double.NaN;
        long idleRssKb;
        volatile long rushPeakRssKb;
        List<String> jvmOptions = List.of();

        AppInfo(String name, int port) {
            this.name = name;
            this.port = port;
        }
    }

    public Bench(Options options) {
        this.o = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Bench bench = new Bench(options);
        Result r = bench.run();
        System.out.println("[bench] wrote " + r.resultsMd());
        System.exit(r.harnessOk() ? 0 : 1);
    }

    /** Where the report went, and whether every part ran (a missed target is not a harness failure). */
    public record Result(Path resultsMd, boolean harnessOk, Report report, List<String> failures) {
    }

    // ------------------------------------------------------------------ the run

    public Result run() throws Exception {
        List<String> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        work = o.smoke() ? o.out().resolve("work") : o.repoRoot().resolve("bench/target/bench-work");
        deleteRecursively(work);
        Files.createDirectories(work);
        // --out may name a folder that does not exist yet: the pgbench script, nginx.conf and the report go there.
        Files.createDirectories(o.out());
        String startLoad = Machine.loadAverage();
        List<String> busy = Machine.busiestProcesses(8, ownPid);
        Instant started = Instant.now();
        Map<String, Long> platformMillis = Map.of();
        try {
            log("starting the platform (private data folder " + work.resolve("platform") + ", free ports)");
            platform = LocalPlatform.start(new PlatformConfig(work.resolve("platform"), Ports.free(), Ports.free(), Ports.free(),
                    Ports.free(), false, false));
            platformMillis = platform.startupMillis();
            keycloak = new Keycloak(platform.keycloakUrl());
            startApps();
            part("setup", failures, this::setUp);
            if (day == null || !failures.isEmpty()) {
                throw new IllegalStateException("setup failed, nothing to measure");
            }
            part("rush", failures, this::rush);
            if (o.largeRush()) {
                part("large rush", failures, this::largeRush);
            }
            part("hop", failures, this::hop);
            part("events", failures, this::events);
            part("rules", failures, this::rules);
        } catch (Exception e) {
            failures.add("platform/apps: " + e);
            e.printStackTrace();
        } finally {
            stopAll();
        }
        writeReport(started, startLoad, busy, platformMillis, (System.nanoTime() - t0) / 1e9, failures);
        return new Result(o.out().resolve("RESULTS.md"), failures.isEmpty(), report, failures);
    }

    interface Part {
        void run() throws Exception;
    }

    private void part(String name, List<String> failures, Part part) {
        loads.put(name, Machine.loadAverage());
        log("part " + name + " (load average " + loads.get(name) + ")");
        CpuMeter.Snapshot before = CpuMeter.snapshot(this::component);
        try {
            part.run();
            cpuByPart.put(name, CpuMeter.snapshot(this::component).minus(before).describe(Machine.cores()));
        } catch (Exception | AssertionError e) {
            failures.add(name + ": " + e);
            notes.add("Part `" + name + "` failed: " + e);
            e.printStackTrace();
        }
    }

    private final Map<String, String> cpuByPart = new LinkedHashMap<>();
    private final Map<String, String> cpuOfRush = new LinkedHashMap<>();

    /** Which component a descendant process belongs to, by its command line. */
    String component(ProcessHandle p) {
        String cmd;
        try {
            cmd = Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
        } catch (Exception e) {
            return null;
        }
        for (AppInfo a : apps.values()) {
            if (p.pid() == a.javaPid || cmd.contains("/" + a.name + "/target/quarkus-app")) {
                return a.name;
            }
        }
        if (cmd.contains("keycloak")) {
            return "keycloak";
        }
        if (cmd.contains("nginx")) {
            return "nginx";
        }
        if (cmd.contains("org.openjdk.jmh")) {
            return "JMH fork";
        }
        if (cmd.contains("postgres")) {
            return "postgres";
        }
        return null;
    }

    private void startApps() throws Exception {
        // The launcher passes every -Dapp.X=Y to every application as -DX=Y: the dev profile as ./run uses it, and
        // the gateway's per-IP / per-client / per-citizen rate limits out of the way (all bench citizens share the
        // client hkmo-dev-cli, and wrk reads anonymously from one IP).
        System.setProperty("app.quarkus.profile", "dev");
        System.setProperty("app.hkmo.gateway.rate-limit.anonymous.capacity", "1000000000");
        System.setProperty("app.hkmo.gateway.rate-limit.client.capacity", "1000000000");
        System.setProperty("app.hkmo.gateway.rate-limit.citizen.capacity", "1000000000");
        for (String name : o.apps()) {
            apps.put(name, new AppInfo(name, Ports.free()));
        }
        Map<String, String> gatewayRoutes = new HashMap<>();
        for (AppInfo a : apps.values()) {
            if (!a.name.equals("gateway")) {
                String service = "hkmo.gateway.services." + a.name.replace("-service", "");
                gatewayRoutes.put(service + ".url", "http://localhost:" + a.port);
                gatewayRoutes.put(service + ".management-url", "http://localhost:" + a.managementPort);
            }
        }
        for (AppInfo a : apps.values()) {
            Path jar = o.repoRoot().resolve(a.name + "/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (bench/run.sh does)");
            }
            log("starting " + a.name + " on port " + a.port);
            long s = System.nanoTime();
            Map<String, String> settings = new HashMap<>(a.name.equals("gateway") ? gatewayRoutes : Map.of());
            settings.put("quarkus.management.port", Integer.toString(a.managementPort));
            a.jvmOptions = productionJvmOptions(o.repoRoot(), a.name);
            LocalPlatform.AppProcess p = platform.startApp(a.name, jar, a.port, settings, a.jvmOptions);
            a.readyMs = (System.nanoTime() - s) / 1e6;
            a.javaPid = ProcessHandle.of(p.process().pid()).flatMap(h -> h.children().findFirst()).map(ProcessHandle::pid)
                    .orElse(-1L);
            a.quarkusStartedS = quarkusStarted(p.process().log());
        }
        gatewayUrl = url("gateway");
        appointmentUrl = url("appointment-service");
        eligibilityUrl = url("eligibility-service");
        Thread.sleep(o.idleSettleSeconds() * 1000L);
        for (AppInfo a : apps.values()) {
            a.idleRssKb = Machine.rssKb(a.javaPid);
        }
    }

    /**
     * The JVM options production runs the application with: {@code JDK_JAVA_OPTIONS} of its ConfigMap
     * ({@code k8s/base/apps/<app>/configmap.yaml}), so the footprint and the rush are measured with the same heap, GC
     * and thread pools. None if the ConfigMap sets none.
     */
    static List<String> productionJvmOptions(Path repoRoot, String app) throws java.io.IOException {
        Path configMap = repoRoot.resolve("k8s/base/apps/" + app + "/configmap.yaml");
        if (!Files.exists(configMap)) {
            return List.of();
        }
        Matcher m = Pattern.compile("(?m)^\\s+JDK_JAVA_OPTIONS:\\s*\"?([^\"\\n]*)\"?\\s*$").matcher(Files.readString(configMap));
        return m.find() && !m.group(1).isBlank() ? List.of(m.group(1).trim().split("\\s+")) : List.of();
    }

    private String url(String app) {
        AppInfo a = apps.get(app);
        return a == null ? null : "http://localhost:" + a.port;
    }

    static double quarkusStarted(Path log) {
        try {
            Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private void stopAll() {
        if (platform != null) {
            log("stopping the applications and the platform");
            platform.close();
            // keep the logs (platform/logs) for a look afterwards; the servers' data is no use once stopped
            for (String d : List.of("postgres", "kafka", "keycloak")) {
                try {
                    deleteRecursively(work.resolve("platform").resolve(d));
                } catch (Exception e) {
                    log("could not delete " + d + ": " + e);
                }
            }
        }
    }

    // ------------------------------------------------------------------ setup: halls, citizens, the day

    private LocalDate day;
    private String rushStart;
    private String rushEnd;
    private String eventStart;
    private String warmStart;
    private final List<Keycloak.Citizen> rushCitizens = new ArrayList<>();
    private final List<Keycloak.Citizen> eventCitizens = new ArrayList<>();
    private final List<Keycloak.Citizen> warmCitizens = new ArrayList<>();
    private final List<Keycloak.Citizen> largeCitizens = new ArrayList<>();

    private void setUp() throws Exception {
        HttpClient http = Http.client(4);
        String admin = keycloak.token("admin", "demo123");
        createHall(http, admin, RUSH_HALL, o.capacity());
        createHall(http, admin, EVENT_HALL, 1000);
        if (o.largeRush()) {
            createHall(http, admin, LARGE_HALL, o.largeCapacity());
        }
        // The first open day from tomorrow on (public holidays are closed whatever the plan says).
        LocalDate from = LocalDate.now(ZONE).plusDays(1);
        JsonNode days = availability(http, RUSH_HALL, from, from.plusDays(10)).get("days");
        for (JsonNode d : days) {
            if (d.get("open").asBoolean() && d.get("windows").size() >= 4) {
                day = LocalDate.parse(d.get("date").asText());
                rushStart = d.get("windows").get(0).get("start").asText();
                rushEnd = d.get("windows").get(0).get("end").asText();
                warmStart = d.get("windows").get(1).get("start").asText();
                eventStart = d.get("windows").get(2).get("start").asText();
                break;
            }
        }
        if (day == null) {
            throw new IllegalStateException("no open day in the next 10 days: " + days);
        }
        // The event part books with citizens who got SLOT_FULL in the rush (they hold no booking): N + W users in all.
        rushCitizens.addAll(Keycloak.citizens(0, o.citizens()));
        warmCitizens.addAll(Keycloak.citizens(o.citizens(), o.warmupBookings()));
        largeCitizens.addAll(Keycloak.citizens(o.citizens() + o.warmupBookings(), o.largeCitizens()));
        List<Keycloak.Citizen> all = new ArrayList<>(rushCitizens);
        all.addAll(warmCitizens);
        all.addAll(largeCitizens);
        long s = System.nanoTime();
        keycloak.createCitizens(all);
        log(all.size() + " bench citizens created in Keycloak in " + (System.nanoTime() - s) / 1_000_000 + " ms");
        s = System.nanoTime();
        JsonNode claims = Keycloak.claims(keycloak.token(all.get(0).username(), Keycloak.PASSWORD));
        if (!claims.path("resident_id").asText().equals(all.get(0).residentId())
                || !claims.path("realm_access").path("roles").toString().contains("citizen")) {
            throw new IllegalStateException("bench citizen token lacks resident_id/citizen: " + claims);
        }
        log("first token in " + (System.nanoTime() - s) / 1_000_000 + " ms");
        notes.add(String.format("Rush window: hall %s (capacity %d per window), %s %s-%s; event hall %s (capacity 1000), "
                + "window %s.", RUSH_HALL, o.capacity(), day, rushStart, rushEnd, EVENT_HALL, eventStart));
    }

    private void createHall(HttpClient http, String adminToken, String id, int capacity) {
        Map<String, Object> hall = new LinkedHashMap<>();
        hall.put("id", id);
        hall.put("name", "压测大厅 " + id);
        hall.put("region", Map.of("provinceCode", "110000", "provinceName", "北京市", "cityCode", "110100", "cityName", "北京市",
                "districtCode", "110105", "districtName", "朝阳区"));
        hall.put("address", "北京市朝阳区 (bench)");
        hall.put("location", Map.of("latitude", 39.92, "longitude", 116.44));
        hall.put("phone", "010-00000000");
        hall.put("plan", Map.of("weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "opens", "09:00", "closes", "17:00", "windowMinutes", 30, "capacityPerWindow", capacity));
        hall.put("categories", List.of("FIRST_APPLICATION", "REAPPLICATION", "REISSUE", "RENEWAL", "ENDORSEMENT_ONLY"));
        hall.put("endorsementTypes", List.of("T", "S", "L", "G", "D", "Q", "TALENT"));
        hall.put("cutOffMinutes", 0);
        Http.expect(Http.send(http, Http.request(gatewayUrl + "/api/v1/admin/halls").header("authorization", "Bearer " + adminToken)
                .header("content-type", "application/json").POST(Http.json(hall)).build()), 201);
    }

    private JsonNode availability(HttpClient http, String hall, LocalDate from, LocalDate to) {
        return Http.parse(Http.expect(Http.send(http, Http.request(appointmentUrl + "/api/v1/availability?hallId=" + hall
                + "&from=" + from + "&to=" + to).GET().build()), 200).body());
    }

    private Supplier<HttpRequest> booking(String baseUrl, String token, String hall, String windowStart) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("hukouRegion", "110105");
        form.put("hallId", hall);
        form.put("date", day.toString());
        form.put("windowStart", windowStart);
        form.put("emergencyContact", Map.of("name", "张丽", "mobile", "13912345678"));
        form.put("delivery", Map.of("method", "HALL"));
        form.put("documentType", "HK_MACAO_PERMIT");
        form.put("category", "FIRST_APPLICATION");
        form.put("endorsements", List.of(Map.of("destination", "HK", "type", "G")));
        String key = UUID.randomUUID().toString();
        HttpRequest.BodyPublisher body = Http.json(form);
        return () -> Http.request(baseUrl + "/api/v1/bookings").header("authorization", "Bearer " + token)
                .header("content-type", "application/json").header("Idempotency-Key", key).POST(body).build();
    }

    // ------------------------------------------------------------------ 1. booking rush + 4. RSS under the rush

    private void rush() throws Exception {
        // Warm-up: the same booking path (other citizens, another window of capacity k), so the JIT has seen both outcomes.
        List<String> warmTokens = keycloak.tokens(warmCitizens, 4);
        List<Supplier<HttpRequest>> warm = new ArrayList<>();
        for (String t : warmTokens) {   // a window of the rush hall (capacity k): the booked and the SLOT_FULL paths
            warm.add(booking(gatewayUrl, t, RUSH_HALL, warmStart));
        }
        Load.Run w = Load.closed(warm, o.concurrency());
        log("warm-up bookings: " + w.outcomes());
        notes.add("Warm-up (not measured): " + w.outcomes() + ".");
        Load.Run run = rushOf(RUSH_PART, rushCitizens, o.capacity(), RUSH_HALL, rushStart, "");
        run.samples().stream().filter(x -> "SLOT_FULL".equals(x.code())).map(x -> rushCitizens.get(x.index()))
                .limit(o.events()).forEach(eventCitizens::add);
    }

    /** The second, larger rush ({@code --large-rush}): its own hall and citizens, measured and checked like the first. */
    private void largeRush() throws Exception {
        rushOf(LARGE_PART, largeCitizens, o.largeCapacity(), LARGE_HALL, rushStart, " (large)");
    }

    /**
     * One rush: N citizens (N distinct tokens) post a booking for one window of capacity k, C in flight, profiled with
     * JFR; then the correctness from the answers and the database, and the pgbench ceiling at the same sizes.
     */
    private Load.Run rushOf(String part, List<Keycloak.Citizen> citizens, int capacity, String hall, String windowStart,
                            String label) throws Exception {
        long s = System.nanoTime();
        List<String> tokens = keycloak.tokens(citizens, 4);
        log(tokens.size() + " rush tokens in " + (System.nanoTime() - s) / 1_000_000 + " ms");
        List<Supplier<HttpRequest>> requests = new ArrayList<>();
        for (String t : tokens) {
            requests.add(booking(gatewayUrl, t, hall, windowStart));
        }
        loads.put("rush" + label + " (after tokens)", Machine.loadAverage());
        Thread sampler = rssSampler();
        Load.Run run;
        CpuMeter.Snapshot cpu0 = CpuMeter.snapshot(this::component);
        List<AppInfo> profiled = PROFILED.stream().map(apps::get).filter(a -> a != null && a.javaPid > 0).toList();
        for (AppInfo a : profiled) {
            Profiler.start(a.javaPid);
        }
        try {
            run = Load.closed(requests, o.concurrency());
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        Path profiles = o.repoRoot().resolve("bench/target/profiles");
        Files.createDirectories(profiles);
        for (AppInfo a : profiled) {
            Path jfr = profiles.resolve(a.name + "-rush" + label.replaceAll("[^a-z]", "") + ".jfr");
            Profiler.stop(a.javaPid, jfr);
            rushProfiles.put(a.name + label, Profiler.read(jfr, 15));
        }
        CpuMeter.Snapshot cpu = CpuMeter.snapshot(this::component).minus(cpu0);
        cpuOfRush.put("the rush" + label + " (service)", cpu.describe(Machine.cores()));
        long booked = run.count(201);
        long full = run.countCode("SLOT_FULL");
        long other = run.samples().size() - booked - full;
        long dbBooked;
        int dbTaken;
        int dbCapacity;
        try (Connection c = platform.postgres().connectAsSuperuser("appointment")) {
            dbBooked = single(c, "select count(*) from booking where hall_id = ? and slot_date = ? and window_start = ?::time and status = 'BOOKED'",
                    hall, day, windowStart);
            dbTaken = (int) single(c, "select taken from slot_capacity where hall_id = ? and slot_date = ? and window_start = ?::time",
                    hall, day, windowStart);
            dbCapacity = (int) single(c, "select capacity from slot_capacity where hall_id = ? and slot_date = ? and window_start = ?::time",
                    hall, day, windowStart);
        }
        int n = citizens.size();
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
        for (String app : PROFILED) {
            report.add(part, app + ": CPU per booking request", 1e3 * cpu.cpu().getOrDefault(app, 0.0) / n, "ms");
        }
        if (other > 0) {
            notes.add("Rush" + label + ": unexpected outcomes " + run.outcomes() + "; first: " + run.samples().stream()
                    .filter(x -> x.status() != 201 && !"SLOT_FULL".equals(x.code())).findFirst().map(Load.Sample::body).orElse(""));
        }
        ceiling(part, hall, n, capacity, run, lat, correct);
        return run;
    }

    private static String cell(List<Profiler.Frame> frames, int i) {
        return i < frames.size() ? String.format("%.1f | `%s`", frames.get(i).percent(), frames.get(i).method()) : " | ";
    }

    static final String RUSH_PART = "1 booking rush";
    static final String LARGE_PART = "1b larger booking rush";
    /** The applications the rush is profiled in. */
    private static final List<String> PROFILED = List.of("appointment-service", "gateway");
    private final Map<String, Profiler.Profile> rushProfiles = new LinkedHashMap<>();

    private void ceiling(String part, String hall, int citizens, int capacity, Load.Run run, Stats serviceLatency,
                         boolean rushCorrect) throws Exception {
        if (!Machine.hasTool("pgbench")) {
            notes.add("pgbench is not installed (apt-get install postgresql-client): no database ceiling in this run.");
            report.add(part, "pgbench ceiling", Double.NaN, "tx/s", "service >= 50% of it", "not measured");
            return;
        }
        int personal;
        int envelope;
        int response;
        try (Connection c = platform.postgres().connectAsSuperuser("appointment")) {
            personal = (int) single(c, "select coalesce(avg(length(personal_data)), 600)::int from booking where hall_id = ?", hall);
            envelope = (int) single(c, "select coalesce(avg(length(envelope)), 1500)::int from outbox_event where message_key in "
                    + "(select booking_no from booking where hall_id = ?)", hall);
            response = (int) single(c, "select coalesce(avg(length(response_json)), 1000)::int from idempotency_key where response_json is not null");
        }
        Path dir = work.resolve("pgbench-" + hall);
        Files.createDirectories(dir);
        // Warm-up window (23:00) then the measured one (23:30): the same mix as the rush, N transactions, capacity k.
        Path warmScript = dir.resolve("booking-warmup.sql");
        Files.writeString(warmScript, Pgbench.script(new Pgbench.Window(hall, day.toString(), "23:00", "23:30", capacity),
                personal, envelope, response));
        Pgbench.run(platform.postgres().port(), "appointment", warmScript, o.concurrency(), 2,
                Math.max(1, citizens / o.concurrency() / 2), dir);
        Path script = dir.resolve("booking.sql");
        Files.writeString(script, Pgbench.script(new Pgbench.Window(hall, day.toString(), "23:30", "23:59", capacity),
                personal, envelope, response));
        if (part.equals(RUSH_PART)) {
            Files.copy(script, o.out().resolve("pgbench-booking.sql"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        loads.put("pgbench " + part, Machine.loadAverage());
        CpuMeter.Snapshot cpu0 = CpuMeter.snapshot(this::component);
        Pgbench.Result pg = Pgbench.run(platform.postgres().port(), "appointment", script, o.concurrency(), 2,
                citizens / o.concurrency(), dir);
        cpuOfRush.put("pgbench (ceiling of " + part + ")", CpuMeter.snapshot(this::component).minus(cpu0).describe(Machine.cores()));
        long pgTaken;
        try (Connection c = platform.postgres().connectAsSuperuser("appointment")) {
            pgTaken = single(c, "select taken from slot_capacity where hall_id = ? and slot_date = ? and window_start = '23:30'::time",
                    hall, day);
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

    private final Map<String, String> pgbenchCommands = new LinkedHashMap<>();

    private Thread rssSampler() {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (AppInfo a : apps.values()) {
                    a.rushPeakRssKb = Math.max(a.rushPeakRssKb, Machine.rssKb(a.javaPid));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-rss");
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ------------------------------------------------------------------ 2. gateway hop

    private final List<String> wrkCommands = new ArrayList<>();

    private void hop() throws Exception {
        String part = "2 gateway hop";
        String path = "/api/v1/availability?hallId=" + RUSH_HALL + "&from=" + day + "&to=" + day;
        boolean wrk = Machine.hasTool("wrk");
        boolean nginxInstalled = Machine.hasTool("nginx");
        Nginx nginx = null;
        try {
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("direct", appointmentUrl + path);
            targets.put("gateway", gatewayUrl + path);
            if (nginxInstalled) {
                int port = Ports.free();
                nginx = Nginx.start(port, apps.get("appointment-service").port, 2, work.resolve("nginx"));
                Files.copy(nginx.prefix().resolve("nginx.conf"), o.out().resolve("nginx.conf"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                targets.put("nginx", "http://127.0.0.1:" + port + path);
            } else {
                notes.add("nginx is not installed (apt-get install nginx): no nginx comparison in this run.");
            }
            if (!wrk) {
                notes.add("wrk is not installed (apt-get install wrk): the hop was measured with the JVM load generator.");
            }
            Map<String, double[]> lat = new LinkedHashMap<>();   // p50, p99, mean
            Map<String, Double> thr = new LinkedHashMap<>();
            for (var t : targets.entrySet()) {           // warm-up of each path
                measure(t.getValue(), wrk, 2, Math.max(1, o.wrkLatencySeconds() / 2), 8);
            }
            loads.put("hop latency", Machine.loadAverage());
            for (var t : targets.entrySet()) {           // one connection: the hop's own latency, no queueing
                double[] m = measure(t.getValue(), wrk, 1, o.wrkLatencySeconds(), 1);
                lat.put(t.getKey(), m);
            }
            loads.put("hop throughput", Machine.loadAverage());
            for (var t : targets.entrySet()) {           // many connections: throughput
                CpuMeter.Snapshot c0 = CpuMeter.snapshot(this::component);
                double[] m = measure(t.getValue(), wrk, 2, o.wrkSeconds(), o.wrkConnections());
                CpuMeter.Snapshot cpu = CpuMeter.snapshot(this::component).minus(c0);
                double requests = m[3] * o.wrkSeconds();
                String proxy = t.getKey().equals("gateway") ? "gateway" : t.getKey().equals("nginx") ? "nginx" : null;
                if (proxy != null) {
                    report.add(part, t.getKey() + ": proxy CPU per request", 1e6 * cpu.cpu().getOrDefault(proxy, 0.0) / requests, "µs");
                }
                report.add(part, t.getKey() + ": appointment-service CPU per request",
                        1e6 * cpu.cpu().getOrDefault("appointment-service", 0.0) / requests, "µs");
                cpuByPart.put("hop throughput via " + t.getKey(), cpu.describe(Machine.cores()));
                thr.put(t.getKey(), m[3]);
                report.add(part, t.getKey() + ": throughput (" + o.wrkConnections() + " connections)", m[3], "req/s");
                report.add(part, t.getKey() + ": p50 at " + o.wrkConnections() + " connections", m[0], "ms");
                report.add(part, t.getKey() + ": p99 at " + o.wrkConnections() + " connections", m[1], "ms");
            }
            for (var e : lat.entrySet()) {
                report.add(part, e.getKey() + ": latency p50 (1 connection)", e.getValue()[0], "ms");
                report.add(part, e.getKey() + ": latency p99 (1 connection)", e.getValue()[1], "ms");
            }
            double addP50 = lat.get("gateway")[0] - lat.get("direct")[0];
            double addP99 = lat.get("gateway")[1] - lat.get("direct")[1];
            report.add(part, "gateway added latency p50", addP50, "ms", "<= 1 ms", addP50 <= 1.0);
            report.add(part, "gateway added latency p99", addP99, "ms");
            if (lat.containsKey("nginx")) {
                report.add(part, "nginx added latency p50", lat.get("nginx")[0] - lat.get("direct")[0], "ms");
                report.add(part, "nginx added latency p99", lat.get("nginx")[1] - lat.get("direct")[1], "ms");
                double ratio = thr.get("gateway") / thr.get("nginx");
                report.add(part, "throughput gateway / nginx", ratio, "ratio", ">= 0.80", ratio >= 0.8);
            }
            report.add(part, "throughput gateway / direct", thr.get("gateway") / thr.get("direct"), "ratio");
        } finally {
            if (nginx != null) {
                nginx.close();
            }
        }
    }

    /** p50, p99, mean (ms), requests/s. */
    private double[] measure(String url, boolean wrk, int threads, int seconds, int connections) throws Exception {
        if (wrk) {
            Path log = work.resolve("wrk-" + wrkCommands.size() + ".txt");
            Wrk.Result r = Wrk.run(url, Math.min(threads, connections), connections, seconds, log);
            wrkCommands.add(r.command().replaceAll("localhost:\\d+|127.0.0.1:\\d+", "<host:port>"));
            if (r.non2xx() > 0 || r.socketErrors() > 0) {
                var probe = Http.send(Http.client(1), Http.request(url).GET().build());
                throw new IllegalStateException("wrk saw " + r.non2xx() + " non-2xx and " + r.socketErrors() + " socket errors on "
                        + url + "; one request now: " + probe.statusCode() + " " + probe.body());
            }
            return new double[] {r.p50Ms(), r.p99Ms(), r.meanMs(), r.requestsPerSecond()};
        }
        Load.Run run = Load.closedFor(() -> Http.request(url).GET().build(), connections, seconds * 1000L);
        if (run.count(200) != run.samples().size()) {
            throw new IllegalStateException("non-200 answers on " + url + ": " + run.outcomes());
        }
        Stats s = run.latency();
        return new double[] {s.p50Ms(), s.p99Ms(), s.meanMs(), run.perSecond()};
    }

    // ------------------------------------------------------------------ 3. event latency

    private void events() throws Exception {
        String part = "3 event latency";
        if (eventCitizens.size() < o.events()) {
            throw new IllegalStateException("only " + eventCitizens.size() + " citizens without a booking for " + o.events() + " events");
        }
        List<String> tokens = keycloak.tokens(eventCitizens, 4);
        List<Supplier<HttpRequest>> requests = new ArrayList<>();
        for (String t : tokens) {
            requests.add(booking(gatewayUrl, t, EVENT_HALL, eventStart));
        }
        loads.put("events", Machine.loadAverage());
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
        try (Connection c = platform.postgres().connectAsSuperuser("appointment");
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
        Map<String, String> consumers = new LinkedHashMap<>();
        consumers.put("eligibility-service", "eligibility-bookings");
        if (apps.containsKey("issuance-service")) {
            consumers.put("issuance-service", "issuance-appointments");
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
            report.add(part, who + ": events applied / booked", applied.size(), "of " + outbox.size(), "all", applied.size() == outbox.size());
            report.add(part, who + ": commit-to-applied p50", s.p50Ms(), "ms");
            report.add(part, who + ": commit-to-applied p95", s.p95Ms(), "ms");
            report.add(part, who + ": commit-to-applied p99", s.p99Ms(), "ms", "<= 100 ms", s.p99Ms() <= 100.0);
            report.add(part, who + ": commit-to-applied max", s.maxMs(), "ms");
            if (who.equals("eligibility-service")) {
                Stats r = Stats.ofNanos(relay);
                report.add(part, "outbox relay (created to published) p50", r.p50Ms(), "ms");
                report.add(part, "outbox relay (created to published) p99", r.p99Ms(), "ms");
            }
        }
        report.add(part, "steady rate (open loop)", o.eventRate(), "bookings/s");
        report.add(part, "bookings", o.events(), "");
        report.add(part, "achieved rate", run.perSecond(), "bookings/s");
        report.add(part, "booking latency p99 at this rate", run.latency().p99Ms(), "ms");
    }

    private Map<String, Instant> inbox(String db, String consumer, Collection<String> eventIds) throws Exception {
        Map<String, Instant> applied = new HashMap<>();
        try (Connection c = platform.postgres().connectAsSuperuser(db);
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

    // ------------------------------------------------------------------ 5. rules engine

    private void rules() throws Exception {
        String part = "5 rules engine";
        // in-process, JMH
        loads.put("rules (JMH)", Machine.loadAverage());
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(RulesBenchmark.class.getName())
                .forks(o.jmhForks())
                .warmupIterations(o.jmhWarmups()).warmupTime(o.smoke() ? TimeValue.milliseconds(200) : TimeValue.seconds(o.jmhSeconds()))
                .measurementIterations(o.jmhIterations()).measurementTime(o.smoke() ? TimeValue.milliseconds(300) : TimeValue.seconds(o.jmhSeconds()))
                .threads(1)
                .shouldFailOnError(true)
                .build()).run();
        Map<String, Double> jmh = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            jmh.put(name, r.getPrimaryResult().getScore());
            report.add(part, "in-process (JMH, 1 thread): " + name, r.getPrimaryResult().getScore(), "assessments/s");
        }
        // through HTTP: direct to eligibility-service and through the gateway (anonymous, birth date in the body)
        loads.put("rules (HTTP)", Machine.loadAverage());
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("direct", eligibilityUrl);
        targets.put("gateway", gatewayUrl);
        // The gateway admits POST /eligibility/assessments only with a token, so both runs carry the same citizen's
        // token: the service then assesses that citizen (resident ID from the token), as RulesEngine.citizen does.
        String token = keycloak.token(rushCitizens.get(0).username(), Keycloak.PASSWORD);
        for (var t : targets.entrySet()) {
            Supplier<HttpRequest> req = () -> Http.request(t.getValue() + "/api/v1/eligibility/assessments")
                    .header("authorization", "Bearer " + token)
                    .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(RulesEngine.BODY)).build();
            Load.closedFor(req, o.rulesHttpConcurrency(), Math.max(1000, o.rulesHttpSeconds() * 300L)); // warm-up
            Load.Run run = Load.closedFor(req, o.rulesHttpConcurrency(), o.rulesHttpSeconds() * 1000L);
            if (run.count(200) != run.samples().size()) {
                throw new IllegalStateException("assessments over HTTP: " + run.outcomes());
            }
            report.add(part, "HTTP " + t.getKey() + " (" + o.rulesHttpConcurrency() + " clients)", run.perSecond(), "assessments/s");
            report.add(part, "HTTP " + t.getKey() + " latency p50", run.latency().p50Ms(), "ms");
            if (t.getKey().equals("direct") && jmh.containsKey("jsonInJsonOut")) {
                report.add(part, "HTTP direct / in-process JSON-in-JSON-out", run.perSecond() / jmh.get("jsonInJsonOut"), "ratio");
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    static long single(Connection c, String sql, Object... args) throws Exception {
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

    static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
        System.out.flush();
    }

    // ------------------------------------------------------------------ the report

    private void writeReport(Instant started, String startLoad, List<String> busy, Map<String, Long> platformMillis,
                             double seconds, List<String> failures) throws Exception {
        String part = "4 footprint";
        for (AppInfo a : apps.values()) {
            report.add(part, a.name + ": start to ready (spawn to /q/health/ready UP)", a.readyMs, "ms", "< 3000 ms", a.readyMs < 3000);
            report.add(part, a.name + ": Quarkus \"started in\"", a.quarkusStartedS * 1000, "ms");
            report.add(part, a.name + ": RSS idle", a.idleRssKb / 1024.0, "MB", "< 200 MB", a.idleRssKb > 0 && a.idleRssKb / 1024.0 < 200);
            report.add(part, a.name + ": RSS peak under the rush", a.rushPeakRssKb / 1024.0, "MB");
        }
        Report r = report;
        r.line("# Bench results%s", o.smoke() ? " (SMOKE RUN: tiny sizes, figures meaningless)" : "");
        r.line("");
        r.line("Issue 9: the booking rush, the gateway hop and event latency, side by side with their ceilings, "
                + "measured in **one run on one machine**. Generated by the harness in `bench/` — do not edit by hand.");
        r.line("");
        r.line("## Command");
        r.line("");
        r.line("```bash");
        r.line(o.command());
        r.line("```");
        r.line("");
        r.line("Started %s, took %.0f s. Sizes: N=%d citizens, k=%d, concurrency %d, %d warm-up bookings, %d events at %.0f/s, "
                        + "wrk %d s (throughput, %d connections) / %d s (latency, 1 connection), rules over HTTP %d s x %d clients, "
                        + "JMH forks %d, %d warm-up + %d measured iterations.",
                started, seconds, o.citizens(), o.capacity(), o.concurrency(), o.warmupBookings(), o.events(), o.eventRate(),
                o.wrkSeconds(), o.wrkConnections(), o.wrkLatencySeconds(), o.rulesHttpSeconds(), o.rulesHttpConcurrency(),
                o.jmhForks(), o.jmhWarmups(), o.jmhIterations());
        r.line("");
        r.line("## Machine");
        r.line("");
        r.line("- %d cores (%s), %s memory, Linux %s, %s", Machine.cores(), Machine.cpuModel(), Machine.memory(),
                Machine.kernel(), Machine.jvm());
        r.line("- Load average at start: %s (1, 5, 15 min). Before each part: %s", startLoad, loads);
        r.line("- Everything (PostgreSQL 17, Kafka, Keycloak, %d applications, the load generators, nginx, pgbench) shares these cores.",
                apps.size());
        if (busy.isEmpty()) {
            r.line("- No other busy process was seen at start.");
        } else {
            r.line("- **Other work was running at start** (not ours; it competed for the cores):");
            for (String b : busy) {
                r.line("  - `%s`", b.replace("`", "'"));
            }
        }
        r.line("- Platform start-up (ms): %s", platformMillis);
        r.line("");
        if (!failures.isEmpty()) {
            r.line("## Harness failures");
            r.line("");
            for (String f : failures) {
                r.line("- %s", f);
            }
            r.line("");
        }
        r.line("## 1. Booking rush vs the database ceiling");
        r.line("");
        r.line("k places of one window released to N citizens at once, each with their own password-grant token "
                + "(bench citizens created through the Keycloak admin API with valid GB 11643 numbers), `POST /api/v1/bookings` "
                + "through the gateway with an `Idempotency-Key`, %d in flight. Ceiling: pgbench running the service's booking "
                + "transaction (`pgbench-booking.sql`: idempotency key, person lock, hall share lock, the four checks, lazy "
                + "counter row, conditional update, then booking + outbox + stored response and COMMIT, or ROLLBACK when full), "
                + "with the average payload sizes of the service's own rows, same N, k and concurrency.", o.concurrency());
        r.line("");
        r.table(RUSH_PART);
        if (pgbenchCommands.containsKey(RUSH_PART)) {
            r.line("pgbench: `%s`", pgbenchCommands.get(RUSH_PART));
            r.line("");
        }
        if (o.largeRush()) {
            r.line("### The larger rush: how cost grows");
            r.line("");
            r.line("The same measurement at N=%,d, k=%,d (`--large-rush`): its own hall `%s` and citizens, after the first "
                    + "rush, with its own pgbench ceiling at these sizes. Compare requests/s, p99 and CPU per request with "
                    + "the table above: what grows with N and k shows there.", o.largeCitizens(), o.largeCapacity(), LARGE_HALL);
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
            r.line("Java stack samples of the measured rush only (not the warm-up); recordings in `bench/target/profiles/`, "
                    + "open them with JDK Mission Control or `jfr print`. *Self*: the frame on top of the stack. *Inclusive*: "
                    + "the samples with the frame anywhere on the stack, among the suite's and its frameworks' own methods.");
            r.line("");
            rushProfiles.forEach((app, profile) -> {
                r.line("**%s** (%d samples)", app, profile.samples());
                r.line("");
                r.line("| self %, by library | | self %, by frame | | inclusive %, the suite's methods | |");
                r.line("|---:|---|---:|---|---:|---|");
                int rows = Math.max(profile.byLibrary().size(), Math.max(profile.self().size(), profile.inclusive().size()));
                for (int i = 0; i < rows; i++) {
                    r.line("| %s | %s | %s |", cell(profile.byLibrary(), i), cell(profile.self(), i),
                            cell(profile.inclusive(), i));
                }
                r.line("");
            });
        }
        r.line("## 2. Gateway hop");
        r.line("");
        r.line("`GET /api/v1/availability?hallId=BJ-BENCH&from=D&to=D` (a public read, no token; the bench hall, 16 windows) straight to "
                + "appointment-service, through the gateway, and through nginx configured as a plain reverse proxy "
                + "(`nginx.conf`: 2 workers, keep-alive upstream, HTTP/1.1). Latency with 1 connection (no queueing: the "
                + "hop's own cost), throughput with %d connections. Each target warmed up first.", o.wrkConnections());
        r.line("");
        r.table("2 gateway hop");
        if (!wrkCommands.isEmpty()) {
            r.line("wrk commands, in order: %s", String.join("; ", wrkCommands.stream().map(c -> "`" + c + "`").toList()));
            r.line("");
        }
        r.line("## 3. Event latency (commit → applied in another service)");
        r.line("");
        r.line("Bookings at a steady rate (open loop) through the gateway; for each `appointment.booked.v1` the outbox row's "
                + "`created_at` (set in the booking transaction, just before its commit: the figure is slightly pessimistic) "
                + "against the consumer's inbox `processed_at` (set in the consumer's transaction), both read from PostgreSQL "
                + "after the run. Path: outbox relay (woken by the commit) → Kafka → consumer.");
        r.line("");
        r.table("3 event latency");
        r.line("## 4. Footprint");
        r.line("");
        r.line("Start to ready: from spawning `java -jar quarkus-run.jar` (launcher code, dev profile as `./run`) until "
                + "`/q/health/ready` is UP (polled every 250 ms, so up to 250 ms coarse); the applications start one after "
                + "the other. RSS: `/proc/<pid>/status` VmRSS of the application's JVM, %d s after the last one was ready "
                + "(idle), and the peak sampled every 100 ms during the rush. Each application runs with the JVM options "
                + "production gives it (`JDK_JAVA_OPTIONS` of `k8s/base/apps/<app>/configmap.yaml`):", o.idleSettleSeconds());
        r.line("");
        for (AppInfo a : apps.values()) {
            r.line("- %s: `%s`", a.name, a.jvmOptions.isEmpty() ? "(JVM defaults)" : String.join(" ", a.jvmOptions));
        }
        r.line("");
        r.table("4 footprint");
        r.line("## 5. Rules engine");
        r.line("");
        r.line("`EligibilityRules.assess` in-process under JMH (`RulesBenchmark`: `engine` = the request already mapped; "
                + "`jsonInJsonOut` = parse the HTTP body, map it as the service does, assess, write JSON), and "
                + "`POST /api/v1/eligibility/assessments` with the same body over HTTP, direct and through the gateway.");
        r.line("");
        r.table("5 rules engine");
        r.line("## Where the CPU went (the profile of this run)");
        r.line("");
        r.line("CPU seconds per component from `/proc/<pid>/stat` (PostgreSQL includes its exited backends), percent of "
                + "all cores over the wall time; \"other processes\" = machine busy time not ours (other engineers' builds).");
        r.line("");
        cpuOfRush.forEach((k, v) -> r.line("- **%s**: %s", k, v));
        cpuByPart.forEach((k, v) -> r.line("- part `%s`: %s", k, v));
        r.line("");
        if (!notes.isEmpty()) {
            r.line("## Notes from the run");
            r.line("");
            for (String n : notes) {
                r.line("- %s", n);
            }
            r.line("");
        }
        Path analysis = o.repoRoot().resolve("bench/src/main/resources/bench/analysis.md");
        if (!o.smoke() && Files.exists(analysis)) {
            r.line(Files.readString(analysis));
        }
        r.write(o.out());
    }
}

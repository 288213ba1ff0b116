package cn.hkmo.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The setup the parts book on: the bench halls (created through the gateway's admin API), the first open day from
 * tomorrow and its windows, and the bench citizens in Keycloak (N for the rush, W for its warm-up, the large rush's).
 */
final class BookingDay {

    static final String RUSH_HALL = "BJ-BENCH";
    static final String EVENT_HALL = "BJ-BENCH-EV";
    static final String LARGE_HALL = "BJ-BENCH-XL";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Options o;
    private final Stage stage;
    private final Findings findings;
    LocalDate day;
    String rushStart;
    String rushEnd;
    String eventStart;
    /**
     * The day's other windows, for the warm-up's passes in turn: the first bookings of a pass find no counter row yet, as
     * the rush's first bookings do. With one window, only the first pass took that path, and the JIT compiled it away:
     * at the rush's start the service deoptimised there and recompiled (bench/README.md, "Booking rush").
     */
    final List<String> warmWindows = new ArrayList<>();
    final List<Keycloak.Citizen> rushCitizens = new ArrayList<>();
    /** The rush's SLOT_FULL citizens (they hold no booking), who book in the event part; filled by the rush. */
    final List<Keycloak.Citizen> eventCitizens = new ArrayList<>();
    final List<Keycloak.Citizen> warmCitizens = new ArrayList<>();
    final List<Keycloak.Citizen> largeCitizens = new ArrayList<>();

    BookingDay(Options options, Stage stage, Findings findings) {
        this.o = options;
        this.stage = stage;
        this.findings = findings;
    }

    void setUp() throws Exception {
        HttpClient http = Http.client(4);
        Keycloak keycloak = stage.keycloak();
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
                JsonNode windows = d.get("windows");
                rushStart = windows.get(0).get("start").asText();
                rushEnd = windows.get(0).get("end").asText();
                eventStart = windows.get(2).get("start").asText();
                for (int i = 1; i < windows.size(); i++) {
                    if (i != 2) {
                        warmWindows.add(windows.get(i).get("start").asText());
                    }
                }
                break;
            }
        }
        if (day == null) {
            throw new IllegalStateException("no open day in the next 10 days: " + days);
        }
        // The event part books with citizens who got SLOT_FULL in the rush (they hold no booking): N + W users in all.
        rushCitizens.addAll(Keycloak.citizens(0, o.citizens()));
        warmCitizens.addAll(Keycloak.citizens(o.citizens(), o.warmupCitizens()));
        largeCitizens.addAll(Keycloak.citizens(o.citizens() + o.warmupCitizens(), o.largeCitizens()));
        List<Keycloak.Citizen> all = new ArrayList<>(rushCitizens);
        all.addAll(warmCitizens);
        all.addAll(largeCitizens);
        long s = System.nanoTime();
        keycloak.createCitizens(all);
        Bench.log(all.size() + " bench citizens created in Keycloak in " + (System.nanoTime() - s) / 1_000_000 + " ms");
        s = System.nanoTime();
        JsonNode claims = Keycloak.claims(keycloak.token(all.get(0).username(), Keycloak.PASSWORD));
        if (!claims.path("resident_id").asText().equals(all.get(0).residentId())
                || !claims.path("realm_access").path("roles").toString().contains("citizen")) {
            throw new IllegalStateException("bench citizen token lacks resident_id/citizen: " + claims);
        }
        if (claims.path("exp").asLong() - claims.path("iat").asLong() != Keycloak.TOKEN_LIFESPAN.toSeconds()) {
            throw new IllegalStateException("bench citizen token does not live " + Keycloak.TOKEN_LIFESPAN + ": " + claims);
        }
        Bench.log("first token in " + (System.nanoTime() - s) / 1_000_000 + " ms");
        findings.notes.add(String.format("Rush window: hall %s (capacity %d per window), %s %s-%s; event hall %s (capacity 1000), "
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
        Http.expect(Http.send(http, Http.request(stage.url("gateway") + "/api/v1/admin/halls")
                .header("authorization", "Bearer " + adminToken)
                .header("content-type", "application/json").POST(Http.json(hall)).build()), 201);
    }

    private JsonNode availability(HttpClient http, String hall, LocalDate from, LocalDate to) {
        return Http.parse(Http.expect(Http.send(http, Http.request(stage.url("appointment-service")
                + "/api/v1/availability?hallId=" + hall + "&from=" + from + "&to=" + to).GET().build()), 200).body());
    }

    /** A citizen's booking of {@code windowStart} on this day, with its own {@code Idempotency-Key}. */
    Supplier<HttpRequest> booking(String baseUrl, String token, String hall, String windowStart) {
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

    /** The citizen's cancellation of their booking, with its own {@code Idempotency-Key}. */
    Supplier<HttpRequest> cancel(String baseUrl, String token, String bookingNo) {
        String key = UUID.randomUUID().toString();
        return () -> Http.request(baseUrl + "/api/v1/bookings/" + bookingNo + "/cancel").header("authorization", "Bearer " + token)
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.noBody()).build();
    }
}

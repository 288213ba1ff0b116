package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Replicas;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Window;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A booking rush on one window: {@code hkmo.resilience.rush.requests} booking requests (default 400; the issue's
 * figure is 2,000) from {@code hkmo.resilience.rush.citizens} synthetic citizens (default 40) for a window of
 * {@code hkmo.resilience.rush.places} places (default 10; the 50), spread over <b>two appointment-service
 * instances</b> on the same database: the suite's own and a second packaged instance ({@link Replicas#appointment2()}).
 * The requests go <b>directly</b> to the two instances (the gateway is one process and would only add its own queue;
 * the guarantee under test is the services' and their database's). The window belongs to a hall created for the rush
 * by the admin API, so nothing else books it.
 */
@SystemTest
class BookingRushIT {

    static final int REQUESTS = Integer.getInteger("hkmo.resilience.rush.requests", 400);
    static final int PLACES = Integer.getInteger("hkmo.resilience.rush.places", 10);
    static final int CITIZENS = Integer.getInteger("hkmo.resilience.rush.citizens", 40);

    @Test
    @DisplayName("a rush of N requests for P places over two appointment-service instances books exactly P; no 5xx")
    void rushOnOneWindow() throws Exception {
        String hall = "BJ-RUSH" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        Api.as("admin").body(hall(hall, PLACES)).post("/api/v1/admin/halls").then().statusCode(201);
        Window window = Steps.nextWindow(hall, 0);
        String second = Replicas.appointment2();
        String first = Suite.get().url(Suite.APPOINTMENT);
        List<Citizen> citizens = Citizens.create("rush", CITIZENS);
        List<String> tokens = citizens.stream().map(Citizen::token).toList();
        Map<String, Object> form = Steps.firstApplication(window, Citizens.REGION, Steps.atHall());

        // both instances warmed up the same way (a cold JVM would lose every race to a warm one)
        for (String base : List.of(first, second)) {
            for (int i = 0; i < 20; i++) {
                given().baseUri(base).queryParam("hallId", hall).get("/api/v1/availability").then().statusCode(200);
                given().baseUri(base).auth().oauth2(tokens.get(i % tokens.size())).get("/api/v1/bookings").then().statusCode(200);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String[]>> answers = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String base = i % 2 == 0 ? first : second;
            String token = tokens.get(i % tokens.size());
            answers.add(pool.submit(() -> {
                go.await();
                Response r = given().baseUri(base).contentType(ContentType.JSON).accept(ContentType.JSON)
                        .auth().oauth2(token).header("Idempotency-Key", Api.newKey()).body(form).post("/api/v1/bookings");
                String code = r.contentType().startsWith("application/problem+json") ? r.jsonPath().getString("code")
                        : r.statusCode() == 201 ? r.jsonPath().getString("bookingNo") : r.asString();
                return new String[]{base, Integer.toString(r.statusCode()), code, r.contentType()};
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        Map<String, Integer> byAnswer = new TreeMap<>();
        Map<String, Integer> bookedBy = new TreeMap<>();
        Set<String> bookingNos = ConcurrentHashMap.newKeySet();
        List<String> bad = Collections.synchronizedList(new ArrayList<>());
        for (Future<String[]> f : answers) {
            String[] a = f.get(5, TimeUnit.MINUTES);
            int status = Integer.parseInt(a[1]);
            String instance = a[0].equals(first) ? "instance-1" : "instance-2";
            if (status == 201) {
                bookingNos.add(a[2]);
                bookedBy.merge(instance, 1, Integer::sum);
                byAnswer.merge("201", 1, Integer::sum);
            } else {
                byAnswer.merge(status + " " + a[2], 1, Integer::sum);
                if (status >= 500 || !a[3].startsWith("application/problem+json")) {
                    bad.add(instance + ": " + status + " " + a[3] + " " + a[2]);
                }
            }
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        pool.shutdownNow();
        Suite.log("[rush] " + REQUESTS + " requests from " + CITIZENS + " citizens for " + PLACES + " places at " + hall
                + " " + window.date() + " " + window.start() + " over 2 instances in " + millis + " ms: " + byAnswer
                + "; bookings by instance " + bookedBy);

        assertThat(bad).as("5xx or non-problem answers").isEmpty();
        assertThat(bookingNos).as("201 answers (distinct booking numbers)").hasSize(PLACES);
        assertThat(byAnswer.keySet()).as("answers").allMatch(k -> k.equals("201") || k.equals("409 SLOT_FULL"));
        assertThat(Db.count("appointment", "select count(*) from booking where hall_id = ? and status = 'BOOKED'", hall))
                .as("bookings in the database").isEqualTo(PLACES);
        assertThat(Db.column("appointment", "select booking_no from booking where hall_id = ?", hall))
                .containsExactlyInAnyOrderElementsOf(bookingNos);
        assertThat(Db.count("appointment", "select sum(taken) from slot_capacity where hall_id = ?", hall))
                .as("places taken").isEqualTo(PLACES);
        // the public availability agrees: the window is full
        Api.anonymous().queryParam("hallId", hall).queryParam("from", window.date().toString())
                .queryParam("to", window.date().toString()).get("/api/v1/availability")
                .then().statusCode(200);
    }

    static Map<String, Object> hall(String id, int capacity) {
        return Map.of(
                "id", id,
                "name", "压测大厅 " + id,
                "region", Map.of("provinceCode", "110000", "provinceName", "北京市", "cityCode", "110100",
                        "cityName", "北京市", "districtCode", "110105", "districtName", "朝阳区"),
                "address", "北京市朝阳区测试路1号",
                "location", Map.of("latitude", 39.92, "longitude", 116.44),
                "phone", "010-00000000",
                "plan", Map.of("weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                        "opens", "09:00", "closes", "17:00", "windowMinutes", 30, "capacityPerWindow", capacity),
                "categories", List.of("FIRST_APPLICATION", "REAPPLICATION", "REISSUE", "RENEWAL", "ENDORSEMENT_ONLY"),
                "endorsementTypes", List.of("T", "S", "L", "G", "D", "Q", "TALENT"),
                "cutOffMinutes", 120);
    }
}

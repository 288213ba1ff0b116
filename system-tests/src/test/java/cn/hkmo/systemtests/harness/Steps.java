package cn.hkmo.systemtests.harness;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The steps of the citizen's journey as the callers make them, all through the gateway (the payment simulator
 * excepted: it is the payment platform). Each step asserts its own success so a failing scenario names the step.
 */
public final class Steps {

    /** Asynchronous steps (events between services) get this long. */
    public static final Duration EVENTUALLY = Duration.ofSeconds(60);

    /** A window at a hall that can be booked now. */
    public record Window(String hallId, LocalDate date, String start) {
    }

    /** A citizen's booking, with the QR payload the officer scans. */
    public record Booking(String bookingNo, String checkInCode, Window window) {
    }

    private Steps() {
    }

    // ------------------------------------------------------------------ find a hall, eligibility

    /** Halls of a province (GB/T 2260 code), public. */
    public static List<String> hallsIn(String province) {
        return Api.anonymous().queryParam("province", province).get("/api/v1/halls")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    /**
     * The first window with room at {@code hallId} from tomorrow on (so the minimum notice and the change cut-off
     * never get in the way), skipping {@code skip} such windows (to spread scenarios).
     */
    public static Window nextWindow(String hallId, int skip) {
        return nextWindow(hallId, Suite.today(), skip);
    }

    /** The first window with room at {@code hallId} on a day after {@code after}, skipping {@code skip} such windows. */
    public static Window nextWindow(String hallId, LocalDate after, int skip) {
        LocalDate from = after.plusDays(1);
        JsonPath availability = Api.anonymous().queryParam("hallId", hallId).queryParam("from", from.toString())
                .queryParam("to", from.plusDays(20).toString()).get("/api/v1/availability")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> days = availability.getList("days");
        int seen = 0;
        for (Map<String, Object> day : days) {
            if (!Boolean.TRUE.equals(day.get("open"))) {
                continue;
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> windows = (List<Map<String, Object>>) day.get("windows");
            for (Map<String, Object> w : windows) {
                if (((Number) w.get("remaining")).intValue() > 0 && seen++ >= skip) {
                    return new Window(hallId, LocalDate.parse((String) day.get("date")), hhmm((String) w.get("start")));
                }
            }
        }
        throw new AssertionError("no window with room at " + hallId + " in the next 20 days: " + availability.prettify());
    }

    /** The booking form (steps 10-13 of the seed) for a window; the applicant comes from the token. */
    public static Map<String, Object> form(Window window, String hukouRegion, Map<String, Object> delivery,
                                           String category, List<Map<String, String>> endorsements) {
        Map<String, Object> form = new HashMap<>();
        form.put("hukouRegion", hukouRegion);
        form.put("hallId", window.hallId());
        form.put("date", window.date().toString());
        form.put("windowStart", window.start());
        form.put("emergencyContact", Map.of("name", "张丽", "mobile", "13912345678"));
        form.put("delivery", delivery);
        form.put("documentType", "HK_MACAO_PERMIT");
        form.put("category", category);
        form.put("endorsements", endorsements);
        return form;
    }

    public static Map<String, Object> ems(String recipient, String address) {
        return Map.of("method", "EMS", "recipient", recipient, "mobile", "13800000001", "address", address);
    }

    public static Map<String, Object> atHall() {
        return Map.of("method", "HALL");
    }

    /** A first application with a group-tour (L) endorsement for Hong Kong: the simplest complete case. */
    public static Map<String, Object> firstApplication(Window window, String hukouRegion, Map<String, Object> delivery) {
        return form(window, hukouRegion, delivery, "FIRST_APPLICATION", List.of(Map.of("destination", "HK", "type", "L")));
    }

    /** Places left in the window, as the public availability shows them. */
    public static int remaining(Window window) {
        List<Map<String, Object>> windows = Api.anonymous().queryParam("hallId", window.hallId())
                .queryParam("from", window.date().toString()).queryParam("to", window.date().toString())
                .get("/api/v1/availability").then().statusCode(200).extract().jsonPath().getList("days[0].windows");
        return windows.stream().filter(w -> ((String) w.get("start")).startsWith(window.start()))
                .map(w -> ((Number) w.get("remaining")).intValue()).findFirst()
                .orElseThrow(() -> new AssertionError("no window " + window));
    }

    // ------------------------------------------------------------------ booking, check-in

    /** Books with a fresh Idempotency-Key as the holder of {@code token}: 201 and the booking. */
    public static Booking book(String token, Map<String, Object> form) {
        JsonPath booked = Api.withToken(token).header("Idempotency-Key", Api.newKey()).body(form).post("/api/v1/bookings")
                .then().statusCode(201).extract().jsonPath();
        return new Booking(booked.getString("bookingNo"), booked.getString("checkInCode"),
                new Window((String) form.get("hallId"), LocalDate.parse((String) form.get("date")), (String) form.get("windowStart")));
    }

    /** The officer of the booking's hall scans the citizen's QR code. */
    public static void checkIn(String officer, Booking booking) {
        Api.as(officer).body(Map.of("code", booking.checkInCode())).post("/api/v1/officer/check-ins")
                .then().statusCode(200);
    }

    // ------------------------------------------------------------------ intake at the counter

    /** Waits until the counter's list (eligibility-service, fed by appointment events) shows the checked-in booking. */
    public static void awaitAtCounter(String officer, String bookingNo) {
        eventually("booking " + bookingNo + " waiting at " + officer + "'s counter", () ->
                Api.as(officer).get("/api/v1/intake/bookings?size=200").then().statusCode(200).extract().jsonPath()
                        .getList("items.bookingNo", String.class).contains(bookingNo));
    }

    /** The officer records the application (L for Hong Kong) and what was presented; returns the suggested decision. */
    public static String recordMaterials(String officer, String bookingNo, List<String> presented) {
        List<Map<String, Object>> items = new ArrayList<>();
        presented.forEach(key -> items.add(Map.of("key", key)));
        return Api.as(officer)
                .body(Map.of("application", Map.of("endorsements", List.of(Map.of("destination", "HK", "type", "L"))),
                        "presented", items))
                .put("/api/v1/intake/bookings/{no}/materials", bookingNo)
                .then().statusCode(200).extract().path("suggestedDecision");
    }

    public static final List<String> ALL_MATERIALS = List.of("APPLICATION_FORM", "PHOTO", "IDENTITY_DOCUMENT");

    /** Accepted at the counter: the application number. */
    public static String accept(String officer, String bookingNo) {
        return Api.as(officer).body(Map.of("decision", "ACCEPTED", "options", Map.of("HK-L", "P1Y/DOUBLE")))
                .post("/api/v1/intake/bookings/{no}/decision", bookingNo)
                .then().statusCode(200).extract().path("applicationNo");
    }

    /** Check-in, materials, acceptance: the application number. */
    public static String checkInAndAccept(String officer, Booking booking) {
        checkIn(officer, booking);
        awaitAtCounter(officer, booking.bookingNo());
        assertThat(recordMaterials(officer, booking.bookingNo(), ALL_MATERIALS)).isEqualTo("ACCEPTED");
        return accept(officer, booking.bookingNo());
    }

    // ------------------------------------------------------------------ fees

    /** The payment order fee-service opened for the application (from application.accepted): its JSON. */
    public static JsonPath awaitOrder(String token, String applicationNo) {
        return eventuallyGet("payment order of " + applicationNo, () -> Api.withToken(token)
                .get("/api/v1/fees/orders/by-application/{no}", applicationNo));
    }

    /** The citizen (or a partner for the citizen) starts an Alipay payment: the platform's trade number. */
    public static String startAlipayPayment(String token, String orderNo) {
        return Api.withToken(token).header("Idempotency-Key", Api.newKey()).body(Map.of("buyerOpenId", "2088000000009999"))
                .post("/api/v1/fees/orders/{no}/alipay", orderNo)
                .then().statusCode(200).extract().path("tradeNo");
    }

    /** The citizen pays in the payment platform's cashier; the platform then sends its signed notify. */
    public static void payInCashier(String orderNo) {
        given().baseUri(Suite.get().simulatorUrl()).post("/trades/{no}/pay", orderNo).then().statusCode(200);
    }

    /** Start, pay, and wait until fee-service has the signed notify (order PAID). */
    public static String pay(String token, String applicationNo) {
        String orderNo = awaitOrder(token, applicationNo).getString("orderNo");
        startAlipayPayment(token, orderNo);
        payInCashier(orderNo);
        eventually("order " + orderNo + " PAID after the signed notify", () -> "PAID".equals(
                Api.withToken(token).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(200).extract().path("status")));
        return orderNo;
    }

    // ------------------------------------------------------------------ the case

    /** Waits for the case (issuance-service, from application.accepted) and returns it as {@code user} sees it. */
    public static JsonPath awaitCase(String user, String applicationNo) {
        return eventuallyGet("case " + applicationNo, () -> Api.as(user).get("/api/v1/cases/{no}", applicationNo));
    }

    public static void awaitCaseStatus(String user, String applicationNo, String status) {
        eventually("case " + applicationNo + " " + status, () -> {
            Response r = Api.as(user).get("/api/v1/cases/{no}", applicationNo);
            return r.statusCode() == 200 && status.equals(r.path("status"));
        });
    }

    public static void approve(String reviewer, String applicationNo) {
        awaitCase(reviewer, applicationNo);
        Api.as(reviewer).post("/api/v1/cases/{no}/approval", applicationNo).then().statusCode(204);
    }

    // ------------------------------------------------------------------ timeline

    /** The steps of a timeline (application or booking number), in the order the API gives them. */
    public static List<String> timeline(String token, String number) {
        Response r = Api.withToken(token).get("/api/v1/timeline/{no}", number);
        return r.statusCode() == 200 ? r.jsonPath().getList("steps.step", String.class) : List.of();
    }

    /** Waits until the timeline has {@code step}; returns all its steps. */
    public static List<String> awaitTimelineStep(String token, String number, String step) {
        List<List<String>> last = new ArrayList<>(List.of(List.of()));
        try {
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                last.set(0, timeline(token, number));
                return last.get(0).contains(step);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("timeline of " + number + " never showed " + step + "; last seen " + last.get(0), e);
        }
        return last.get(0);
    }

    /**
     * Waits until the timeline shows the last of {@code expected}, then asserts it shows all of them in this order
     * (other steps may come between); the failure message lists every step with its time. Returns all steps.
     */
    public static List<String> assertTimeline(String token, String number, String... expected) {
        awaitTimelineStep(token, number, expected[expected.length - 1]);
        Response r = Api.withToken(token).get("/api/v1/timeline/{no}", number);
        r.then().statusCode(200);
        List<String> steps = r.jsonPath().getList("steps.step", String.class);
        List<String> at = r.jsonPath().getList("steps.at", String.class);
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            seen.append("\n  ").append(steps.get(i)).append(" at ").append(at.get(i));
        }
        assertThat(steps).as("timeline of %s, steps in order:%s", number, seen).containsSubsequence(expected);
        return steps;
    }

    // ------------------------------------------------------------------ waiting

    public static void eventually(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            await(what).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("waited " + EVENTUALLY.toSeconds() + " s for: " + what, e);
        }
    }

    /** Repeats a GET until it answers 200 (the data arrives by event); its body. */
    public static JsonPath eventuallyGet(String what, Supplier<Response> get) {
        Response[] last = new Response[1];
        try {
            await(what).atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> {
                last[0] = get.get();
                return last[0].statusCode() == 200;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("waited " + EVENTUALLY.toSeconds() + " s for " + what + "; last answer "
                    + (last[0] == null ? "none" : last[0].statusCode() + " " + last[0].asString()), e);
        }
        return last[0].jsonPath();
    }

    private static String hhmm(String time) {
        return time.length() >= 5 ? time.substring(0, 5) : time;
    }
}

package cn.hkmo.systemtests;

import cn.hkmo.platform.test.ExpectContinuePost;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three findings of the attacker's probe (issue 15), replayed as the attacker made them, through the gateway: an
 * unbounded unauthenticated write, a page number that overflows, and one citizen hoarding places through the waitlist.
 * Each test failed on the code before the fix.
 */
@SystemTest
class AttackerFindingsIT {

    private static final String NOTIFY = "/api/v1/fees/alipay/notify";

    @Test
    @DisplayName("refused payment notifies: an oversized one is refused before anything is stored, a refused one keeps "
            + "only the known fields, and an address refused too often gets 429 with Retry-After")
    void theUnauthenticatedNotifyCannotFillThePaymentDatabase() {
        String marker = "FO" + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
        long rowsBefore = Db.count("fee", "select count(*) from notify_audit");

        // the attacker's post: 500 fields of 1.35 KB each plus sign=x, about 700 KB (900 KB rows before the fix)
        Map<String, String> huge = new LinkedHashMap<>();
        huge.put("out_trade_no", marker);
        huge.put("sign", "x");
        for (int i = 0; i < 500; i++) {
            huge.put("junk" + i, "x".repeat(1350));
        }
        // refused at the gateway, before it reaches fee-service (which has the same limit behind it: NotifyAbuseIT).
        // Sent as large uploads are, holding the body back for a 100: otherwise the refusal and the closed connection
        // can meet the body still being written, and the client sees only a broken pipe.
        ExpectContinuePost.Answer oversized = ExpectContinuePost.send(URI.create(Suite.get().gatewayUrl() + NOTIFY),
                Map.of("Content-Type", "application/x-www-form-urlencoded"),
                formBody(huge).getBytes(StandardCharsets.US_ASCII));
        assertThat(oversized.status()).as(oversized.body()).isEqualTo(413);
        assertThat(oversized.bodySent()).isFalse();
        assertThat(JsonPath.from(oversized.body()).getString("code")).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(Db.count("fee", "select count(*) from notify_audit")).as("rows written by the oversized post")
                .isEqualTo(rowsBefore);

        // under the size limit: refused, audited with the Alipay fields only, the rest counted
        Map<String, String> padded = new LinkedHashMap<>();
        padded.put("out_trade_no", marker);
        padded.put("sign", "x");
        for (int i = 0; i < 10; i++) {
            padded.put("junk" + i, "x".repeat(1000));
        }
        Response refused = notify(Api.anonymous(), padded);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(400);
        assertThat((String) refused.path("code")).isEqualTo("NOTIFY_REFUSED");
        List<Map<String, String>> rows = Db.rows("fee",
                "select params, dropped_fields, request_bytes from notify_audit where out_trade_no = ?", marker);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("params")).doesNotContain("junk").hasSizeLessThan(200);
        assertThat(rows.get(0).get("dropped_fields")).isEqualTo("10");
        assertThat(Long.parseLong(rows.get(0).get("request_bytes"))).isGreaterThan(10_000);

        // refused notifies from one address, at a gateway of their own (its budget is nobody else's)
        String gateway = Replicas.strictGateway();
        Map<String, String> forged = new TreeMap<>(Map.of("out_trade_no", marker, "sign", "x", "total_amount", "0.01"));
        List<Integer> answers = new ArrayList<>();
        Response limited = null;
        for (int i = 0; i < 60 && limited == null; i++) {
            Response r = notify(given().baseUri(gateway), forged);
            answers.add(r.statusCode());
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        Suite.log("[attacker] refused notifies from one address until 429: " + answers.size() + " answers " + answers);
        assertThat(limited).as("a 429 within 60 refused notifies").isNotNull();
        assertThat((String) limited.path("code")).isEqualTo("RATE_LIMITED");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);
        assertThat(answers.subList(0, answers.size() - 1)).as("answers before the limit").containsOnly(400);
        assertThat(Db.count("fee", "select count(*) from notify_audit where out_trade_no = ?", marker))
                .as("rows: one for the padded post, one per refused notify before the limit")
                .isEqualTo(answers.size());
    }

    @Test
    @DisplayName("a page number that overflows page * size: 400 naming the field on every paged list, never 500")
    void pagingIsBoundedOnEveryPagedList() {
        Map<String, RequestSpecification> lists = new LinkedHashMap<>();
        lists.put("/api/v1/halls", Api.anonymous());
        lists.put("/api/v1/bookings", Api.as("zhangwei"));
        lists.put("/api/v1/fees/orders/mine", Api.as("zhangwei"));
        lists.put("/api/v1/fees/orders/hall", Api.as("officer.bj"));
        lists.put("/api/v1/cases/mine", Api.as("zhangwei"));
        lists.put("/api/v1/cases/review-queue", Api.as("reviewer.bj"));
        lists.put("/api/v1/cases/ready-for-collection", Api.as("officer.bj"));
        lists.put("/api/v1/officer/bookings", Api.as("officer.bj"));
        lists.put("/api/v1/courier/mailings", Api.withToken(Tokens.courier()));
        lists.put("/api/v1/waitlist", Api.as("zhangwei"));
        lists.put("/api/v1/intake/bookings", Api.as("officer.bj"));
        lists.put("/api/v1/intake/my/applications", Api.as("zhangwei"));
        lists.put("/api/v1/intake/my/notices", Api.as("zhangwei"));
        lists.put("/api/v1/cases/overdue", Api.as("supervisor"));
        lists.put("/api/v1/messages", Api.as("zhangwei"));
        List<String> wrong = new ArrayList<>();
        lists.forEach((path, caller) -> {
            Response r = caller.header("Accept-Language", "en").queryParam("page", 21474837).queryParam("size", 100).get(path);
            String field = r.statusCode() == 400 ? r.path("violations[0].field") : null;
            String message = r.statusCode() == 400 ? r.path("violations[0].message") : null;
            if (r.statusCode() != 400 || !"page".equals(field) || !"The page must be between 0 and 10000.".equals(message)) {
                wrong.add(path + ": " + r.statusCode() + " " + r.asString());
            }
        });
        assertThat(wrong).as("paged lists answering an overflowing page").isEmpty();
        Api.anonymous().queryParam("page", 0).queryParam("size", 101).get("/api/v1/halls").then().statusCode(400)
                .contentType("application/problem+json");
        String size = Api.anonymous().queryParam("page", 0).queryParam("size", 0).get("/api/v1/halls").path("violations[0].message");
        assertThat(size).as("the violation in Chinese by default").isEqualTo("每页条数须在 1 到 100 之间。");
    }

    @Test
    @DisplayName("waitlist hoarding: a third waitlist entry is refused, and a citizen holding an offer is passed over "
            + "for the next person in line")
    void oneCitizenCannotHoldManyPlacesThroughTheWaitlist() {
        String hall = "BJ-HOARD" + Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
        Api.as("admin").body(BookingRushIT.hall(hall, 1)).post("/api/v1/admin/halls").then().statusCode(201);
        List<Citizen> holders = Citizens.create("holder", 3);
        Citizen hoarder = Citizens.create("hoarder", 1).get(0);
        Citizen next = Citizens.create("next", 1).get(0);
        List<Window> windows = new ArrayList<>();
        List<String> holds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Window w = Steps.nextWindow(hall, 0); // each hold fills its window, so the next free one comes up
            windows.add(w);
            holds.add(Api.withToken(holders.get(i).token()).body(window(w)).post("/api/v1/holds")
                    .then().statusCode(201).extract().path("id"));
        }

        join(hoarder, windows.get(0)).then().statusCode(201);
        join(hoarder, windows.get(1)).then().statusCode(201);
        Response third = join(hoarder, windows.get(2));
        assertThat(third.statusCode()).as(third.asString()).isEqualTo(409);
        assertThat((String) third.path("code")).isEqualTo("WAITLIST_LIMIT_REACHED");
        join(next, windows.get(1)).then().statusCode(201);

        Api.withToken(holders.get(0).token()).delete("/api/v1/holds/{id}", holds.get(0)).then().statusCode(204);
        Api.withToken(holders.get(1).token()).delete("/api/v1/holds/{id}", holds.get(1)).then().statusCode(204);

        List<String> hoarderStatuses = Api.withToken(hoarder.token()).get("/api/v1/waitlist").then().statusCode(200)
                .extract().jsonPath().getList("items.status", String.class);
        List<String> nextStatuses = Api.withToken(next.token()).get("/api/v1/waitlist").then().statusCode(200)
                .extract().jsonPath().getList("items.status", String.class);
        Suite.log("[attacker] waitlist after two releases: hoarder " + hoarderStatuses + ", next in line " + nextStatuses);
        assertThat(hoarderStatuses).containsExactlyInAnyOrder("OFFERED", "WAITING");
        assertThat(nextStatuses).containsExactly("OFFERED");
        assertThat(Db.count("appointment", "select count(*) from slot_hold where hall_id = ? and status = 'ACTIVE'", hall))
                .as("places held: the third holder's form hold and two offers to two people").isEqualTo(3);
    }

    private static Response notify(RequestSpecification spec, Map<String, String> form) {
        return spec.contentType(ContentType.URLENC).accept(ContentType.ANY).formParams(form).post(NOTIFY);
    }

    private static String formBody(Map<String, String> form) {
        return form.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, Object> window(Window w) {
        return Map.of("hallId", w.hallId(), "date", w.date().toString(), "windowStart", w.start());
    }

    private static Response join(Citizen c, Window w) {
        return Api.withToken(c.token()).body(window(w)).post("/api/v1/waitlist");
    }
}

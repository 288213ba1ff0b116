package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.DeclaredProblems;
import cn.hkmo.systemtests.harness.Partner;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization table: every public endpoint of the suite × every kind of caller, through the gateway with real
 * tokens. Each cell names the expected answer:
 * <ul>
 *   <li>{@code 200}: allowed, a 2xx read;</li>
 *   <li>{@code ok}: allowed: the call passes the access checks (a 2xx, or a business answer such as 409/422 because
 *       the probe's body or state is deliberately not actionable: the table must not change the fixtures);</li>
 *   <li>{@code 401}, {@code 403}, {@code 404}: refused, as a problem+json with a stable {@code code}.</li>
 * </ul>
 * Another citizen's objects are 404 (their existence does not leak); staff outside their scope get 403 with a specific
 * code (issuance-service: {@code OTHER_HALL}, {@code OUT_OF_REVIEW_SCOPE}), naming only the number asked for and the
 * caller's own hall or region. The scope is checked before the body: a reviewer outside the region who sends an
 * invalid refusal gets the 403, not the validation answer. A partner acting for the citizen needs the citizen's
 * {@code booking} consent to read their intake records, cases and timelines ({@code payment} for fee orders), so an
 * {@code openid}-only grant gets 403 there. The review queue of another region's hall is an empty 200 for a reviewer
 * (filtered by region).
 *
 * <p>On top of the table: a caller who is neither the owner, nor the owner's partner, nor staff in scope never gets a
 * body that names the owner's booking, application or order numbers or resident ID, whatever the status; and every
 * problem answer met is one its operation declares in the published OpenAPI document (status and code).
 */
@SystemTest
class AccessTableIT {

    private static final String OWNER = "zhangwei";
    private static final String OWNER_ID = "110105199003071239";

    /** The columns: every kind of caller of the issue. */
    enum Role {
        ANONYMOUS, CITIZEN, OTHER_CITIZEN, OFFICER, OFFICER_OTHER_HALL, REVIEWER, REVIEWER_OTHER_REGION, ADMIN,
        PARTNER_SCOPED, PARTNER_UNSCOPED, PARTNER_OWN, COURIER
    }

    /** Roles that are neither the owner nor act for the owner nor are staff in scope of the owner's hall/region. */
    private static final List<Role> STRANGERS = List.of(Role.ANONYMOUS, Role.OTHER_CITIZEN, Role.OFFICER_OTHER_HALL,
            Role.REVIEWER_OTHER_REGION, Role.PARTNER_OWN, Role.COURIER);

    private static final Map<Role, Supplier<String>> TOKENS = new LinkedHashMap<>();
    private static Booking waiting;
    private static Booking served;
    private static Booking forCheckIn;
    private static String applicationNo;
    private static String orderNo;
    private static String messageId;
    private static String holdId;

    @BeforeAll
    static void fixtures() {
        served = Steps.book(Tokens.of(OWNER), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 6), "110105", Steps.atHall()));
        applicationNo = Steps.checkInAndAccept("officer.bj", served);
        orderNo = Steps.awaitOrder(Tokens.of(OWNER), applicationNo).getString("orderNo");
        Steps.awaitCase(OWNER, applicationNo);
        Steps.awaitTimelineStep(Tokens.of(OWNER), applicationNo, "ACCEPTED");
        waiting = Steps.book(Tokens.of(OWNER), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 7), "110105", Steps.atHall()));
        forCheckIn = Steps.book(Tokens.of(OWNER), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 8), "110105", Steps.atHall()));
        Steps.Window held = Steps.nextWindow("BJ-CHAOYANG", 9);
        holdId = Api.withToken(Tokens.of(OWNER)).body(Map.of("hallId", held.hallId(), "date", held.date().toString(),
                "windowStart", held.start())).post("/api/v1/holds").then().statusCode(201).extract().path("id");
        String servedLink = "/api/v1/bookings/" + served.bookingNo();
        messageId = Steps.eventuallyGet("the owner's message of the served booking", () -> {
            var page = Api.withToken(Tokens.of(OWNER)).get("/api/v1/messages?size=100");
            return page.jsonPath().getString("items.find { it.link == '" + servedLink + "' }.id") == null
                    ? Api.withToken(Tokens.of(OWNER)).get("/api/v1/messages/00000000-0000-0000-0000-000000000000") : page;
        }).getString("items.find { it.link == '" + servedLink + "' }.id");

        String scoped = Partner.authorizedBy(OWNER, "openid booking payment").accessToken();
        String unscoped = Partner.authorizedBy(OWNER, "openid").accessToken();
        TOKENS.put(Role.ANONYMOUS, () -> null);
        TOKENS.put(Role.CITIZEN, () -> Tokens.of(OWNER));
        TOKENS.put(Role.OTHER_CITIZEN, () -> Tokens.of("lina"));
        TOKENS.put(Role.OFFICER, () -> Tokens.of("officer.bj"));
        TOKENS.put(Role.OFFICER_OTHER_HALL, () -> Tokens.of("officer.sh"));
        TOKENS.put(Role.REVIEWER, () -> Tokens.of("reviewer.bj"));
        TOKENS.put(Role.REVIEWER_OTHER_REGION, () -> Tokens.of("reviewer.gd"));
        TOKENS.put(Role.ADMIN, () -> Tokens.of("admin"));
        TOKENS.put(Role.PARTNER_SCOPED, () -> scoped);
        TOKENS.put(Role.PARTNER_UNSCOPED, () -> unscoped);
        TOKENS.put(Role.PARTNER_OWN, Tokens::partnerOwn);
        TOKENS.put(Role.COURIER, Tokens::courier);
    }

    /** The owner withdraws the partner's consents again: other scenarios expect the consent page on a first grant. */
    @AfterAll
    static void revokeTheConsents() {
        Partner.revokeConsent(OWNER, Tokens.PARTNER_CLIENT);
    }

    /** One row: method, path (with {waiting} {served} {checkin} {app} {order} {message} {hold}), body, the 12 expected cells. */
    record Row(String method, String path, Object body, String expected) {
    }

    private static List<Row> rows() {
        String pastDate = Suite.today().minusDays(7).toString();
        Map<String, Object> pastBooking = new LinkedHashMap<>(Steps.firstApplication(
                new Steps.Window("BJ-CHAOYANG", LocalDate.parse(pastDate), "09:00"), "110105", Steps.atHall()));
        List<Row> r = new ArrayList<>();
        //                                                                      ANON CIT OTH OFF OFO REV REO ADM PSC PUN POW COU
        // public reads: everyone, with or without a token
        r.add(new Row("GET", "/api/v1/halls?province=110000", null,            "200 200 200 200 200 200 200 200 200 200 200 200"));
        r.add(new Row("GET", "/api/v1/halls/BJ-CHAOYANG", null,                "200 200 200 200 200 200 200 200 200 200 200 200"));
        r.add(new Row("GET", "/api/v1/availability?hallId=BJ-CHAOYANG", null,  "200 200 200 200 200 200 200 200 200 200 200 200"));
        r.add(new Row("GET", "/api/v1/eligibility/endorsement-types", null,    "200 200 200 200 200 200 200 200 200 200 200 200"));
        r.add(new Row("GET", "/api/v1/fees/schedule", null,                    "200 200 200 200 200 200 200 200 200 200 200 200"));
        // the citizen's appointments (the partner needs the citizen's grant with scope "booking")
        r.add(new Row("GET", "/api/v1/bookings", null,                         "401 200 200 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/bookings/standing", null,                "401 200 200 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/bookings/{waiting}", null,               "401 200 404 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/bookings/{waiting}.ics", null,           "401 200 404 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("POST", "/api/v1/bookings/{served}/cancel", null,        "401  ok 404 403 403 403 403 403  ok 403 403 403"));
        r.add(new Row("POST", "/api/v1/bookings/{served}/reschedule", Map.of("date", pastDate, "windowStart", "09:00"),
                                                                               "401  ok 404 403 403 403 403 403  ok 403 403 403"));
        r.add(new Row("POST", "/api/v1/bookings", pastBooking,                 "401  ok  ok 403 403 403 403 403  ok 403 403 403"));
        r.add(new Row("POST", "/api/v1/holds", Map.of("hallId", "BJ-CHAOYANG", "date", pastDate, "windowStart", "09:00"),
                                                                               "401  ok  ok 403 403 403 403 403  ok 403 403 403"));
        r.add(new Row("GET", "/api/v1/holds/{hold}", null,                     "401 200 404 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/waitlist", null,                         "401 200 200 403 403 403 403 403 200 403 403 403"));
        // the citizen's message centre (the partner needs scope "booking"), and its operations view
        r.add(new Row("GET", "/api/v1/messages", null,                         "401 200 200 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/messages/unread-count", null,            "401 200 200 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/messages/{message}", null,               "401 200 404 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("POST", "/api/v1/messages/{message}/read", null,         "401  ok 404 403 403 403 403 403  ok 403 403 403"));
        r.add(new Row("GET", "/api/v1/messages/preferences", null,             "401 200 200 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/admin/notifications/dead-letters", null, "401 403 403 403 403 403 403 200 403 403 403 403"));
        // hall staff
        r.add(new Row("GET", "/api/v1/officer/bookings", null,                 "401 403 403 200 200 403 403 403 403 403 403 403"));
        r.add(new Row("POST", "/api/v1/officer/check-ins", Map.of("code", "{checkincode}"),
                                                                               "401 403 403  ok 403 403 403 403 403 403 403 403"));
        r.add(new Row("GET", "/api/v1/intake/bookings", null,                  "401 403 403 200 200 403 403 403 403 403 403 403"));
        r.add(new Row("PUT", "/api/v1/intake/bookings/{served}/materials", Map.of("application", Map.of(), "presented", List.of()),
                                                                               "401 403 403  ok 403 403 403 403 403 403 403 403"));
        // the citizen's intake records (the partner needs scope "booking")
        r.add(new Row("GET", "/api/v1/intake/my/applications", null,           "401 200 200 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/intake/my/notices", null,                "401 200 200 403 403 403 403 403 200 403 403 403"));
        // the printed receipt: its citizen, and the staff of the hall that accepted it; anyone verifies a code
        r.add(new Row("GET", "/api/v1/intake/my/applications/{app}/receipt.pdf", null,
                                                                               "401 200 404 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/intake/applications/{app}/receipt.pdf", null,
                                                                               "401 403 403 200 403 403 403 200 403 403 403 403"));
        r.add(new Row("GET", "/api/v1/verifications/receipts/ZZZZ-ZZZZ-ZZZZ-ZZZZ", null,
                                                                               "404 404 404 404 404 404 404 404 404 404 404 404"));
        // admins
        r.add(new Row("GET", "/api/v1/admin/halls/BJ-CHAOYANG/closures", null, "401 403 403 403 403 403 403 200 403 403 403 403"));
        r.add(new Row("POST", "/api/v1/admin/halls", Map.of("id", ""),         "401 403 403 403 403 403 403  ok 403 403 403 403"));
        // fees (the partner needs scope "payment")
        r.add(new Row("GET", "/api/v1/fees/orders/mine", null,                 "401 200 200 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/fees/orders/{order}", null,              "401 200 404 200 403 403 403 200 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/fees/orders/by-application/{app}", null, "401 200 404 200 403 403 403 200 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/fees/orders/hall", null,                 "401 403 403 200 200 403 403 403 403 403 403 403"));
        r.add(new Row("POST", "/api/v1/fees/orders/{order}/counter-payments", Map.of("amountFen", 1, "receiptNo", "R-ACCESS-TABLE"),
                                                                               "401 403 403  ok 403 403 403 403 403 403 403 403"));
        r.add(new Row("GET", "/api/v1/fees/orders/{order}/refunds", null,      "401 403 403 200 403 403 403 200 403 403 403 403"));
        r.add(new Row("POST", "/api/v1/fees/orders/{order}/refunds", Map.of("refundNo", "RF-ACCESS-TABLE", "amountFen", 1, "reason", "probe"),
                                                                               "401 403 403  ok 403 403 403  ok 403 403 403 403"));
        // the probe's order is unpaid, so no refund awaits approval: staff in scope reach the refund look-up (404)
        r.add(new Row("POST", "/api/v1/fees/orders/{order}/refunds/RF-ACCESS-TABLE/approval", null,
                                                                               "401 403 403 404 403 403 403 404 403 403 403 403"));
        r.add(new Row("POST", "/api/v1/fees/schedule", Map.of(),               "401 403 403 403 403 403 403  ok 403 403 403 403"));
        r.add(new Row("POST", "/api/v1/fees/orders/{order}/alipay", Map.of("buyerOpenId", "2088000000000001"),
                                                                               "401  ok 404 403 403 403 403 403  ok 403 403 403"));
        // the case, its review, collection, mailing, timeline (the partner needs scope "booking"; staff outside their
        // hall or region get 403)
        r.add(new Row("GET", "/api/v1/cases/mine", null,                       "401 200 200 403 403 403 403 403 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/cases/{app}", null,                      "401 200 404 200 403 200 403 200 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/timeline/{app}", null,                   "401 200 404 200 403 200 403 200 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/timeline/{served}", null,                "401 200 404 200 403 200 403 200 200 403 403 403"));
        r.add(new Row("GET", "/api/v1/cases/{app}/refusal", null,              "401 404 404 404 403 404 403 404 404 403 403 403"));
        r.add(new Row("GET", "/api/v1/cases/{app}/refusal.pdf", null,          "401 404 404 404 403 404 403 404 404 403 403 403"));
        r.add(new Row("GET", "/api/v1/verifications/refusal-decisions/ZZZZ-ZZZZ-ZZZZ-ZZZZ", null,
                                                                               "404 404 404 404 404 404 404 404 404 404 404 404"));
        r.add(new Row("PUT", "/api/v1/cases/{app}/delivery-method", Map.of("method", "HALL"),
                                                                               "401  ok 404 403 403 403 403 403  ok 403 403 403"));
        r.add(new Row("GET", "/api/v1/cases/review-queue?hallId=BJ-CHAOYANG", null,
                                                                               "401 403 403 403 403 200 200 403 403 403 403 403"));
        r.add(new Row("GET", "/api/v1/cases/ready-for-collection", null,       "401 403 403 200 200 403 403 403 403 403 403 403"));
        r.add(new Row("POST", "/api/v1/cases/{app}/collection", Map.of("collector", "APPLICANT", "idNumber", OWNER_ID),
                                                                               "401 403 403  ok 403 403 403 403 403 403 403 403"));
        r.add(new Row("GET", "/api/v1/cases/overdue", null,                    "401 403 403 403 403 403 403 403 403 403 403 403"));
        // the statutory deadline is public; the holiday notices behind it are the admin's
        r.add(new Row("GET", "/api/v1/deadlines?acceptanceDate=2026-09-30", null,
                                                                               "200 200 200 200 200 200 200 200 200 200 200 200"));
        r.add(new Row("GET", "/api/v1/admin/calendar/notices", null,           "401 403 403 403 403 403 403 200 403 403 403 403"));
        r.add(new Row("PUT", "/api/v1/admin/calendar/notices/2029", Map.of(),  "401 403 403 403 403 403 403  ok 403 403 403 403"));
        r.add(new Row("GET", "/api/v1/courier/mailings", null,                 "401 403 403 403 403 403 403 403 403 403 403 200"));
        r.add(new Row("POST", "/api/v1/courier/mailings/{app}/dispatch", Map.of("waybillNo", "1180000000001"),
                                                                               "401 403 403 403 403 403 403 403 403 403 403  ok"));
        r.add(new Row("POST", "/api/v1/courier/mailings/{app}/tracking",
                Map.of("waybillNo", "1180000000001", "status", "IN_TRANSIT", "place", "北京邮区中心局"),
                                                                               "401 403 403 403 403 403 403 403 403 403 403  ok"));
        r.add(new Row("POST", "/api/v1/cases/{app}/refusal", Map.of(),         "401 403 403 403 403  ok 403 403 403 403 403 403"));
        // last: the one write that succeeds for its role (the reviewer in region approves; the case is then APPROVED)
        r.add(new Row("POST", "/api/v1/cases/{app}/approval", null,            "401 403 403 403 403  ok 403 403 403 403 403 403"));
        return r;
    }

    @Test
    @DisplayName("every endpoint × every caller answers as the table says; no stranger sees the owner's objects")
    void everyCellAsExpected() {
        List<String> failures = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> secrets = List.of(waiting.bookingNo(), served.bookingNo(), forCheckIn.bookingNo(), applicationNo,
                orderNo, OWNER_ID);
        StringBuilder table = new StringBuilder();
        DeclaredProblems declared = DeclaredProblems.published();
        int cells = 0;
        for (Row row : rows()) {
            String[] expected = row.expected().trim().split("\\s+");
            assertThat(expected).as(row.path()).hasSize(Role.values().length);
            table.append(String.format("%-6s %-52s", row.method(), row.path()));
            for (Role role : Role.values()) {
                String want = expected[role.ordinal()];
                Response r = call(role, row);
                cells++;
                int status = r.statusCode();
                table.append(String.format(" %3d", status));
                String got = status + " " + r.contentType() + " " + abbreviate(r.asString());
                declared.observeRequest(row.method(), resolve(row.path()), status, r.contentType(),
                        r.contentType().startsWith("application/problem+json") ? r.jsonPath().getString("code") : null);
                boolean pass = switch (want) {
                    case "200" -> status / 100 == 2;
                    case "ok" -> status < 500 && status != 401 && status != 403 && status != 404;
                    default -> status == Integer.parseInt(want) && r.contentType().startsWith("application/problem+json")
                            && r.jsonPath().getString("code") != null && !r.jsonPath().getString("code").isBlank();
                };
                if (!pass) {
                    failures.add(row.method() + " " + row.path() + " as " + role + ": expected " + want + ", got " + got);
                }
                if (STRANGERS.contains(role)) {
                    String body = r.asString();
                    String sent = resolve(row.path()) + " " + (row.body() == null ? "" : row.body().toString())
                            + (row.path().contains("check-ins") ? forCheckIn.checkInCode() : "");
                    for (String secret : secrets) {
                        // the caller's own request (problem "instance" echoes the path) is no leak
                        if (body.contains(secret) && !sent.contains(secret)) {
                            leaks.add(row.method() + " " + row.path() + " as " + role + " shows " + secret);
                        }
                    }
                }
            }
            table.append('\n');
        }
        System.out.println("[access-table] " + rows().size() + " endpoints x " + Role.values().length + " roles = " + cells
                + " cells; columns " + List.of(Role.values()) + "\n" + table);
        assertThat(leaks).as("objects visible to the wrong caller").isEmpty();
        assertThat(failures).as("cells not as expected (of %d)", cells).isEmpty();
        assertThat(declared.undeclared()).as("problem answers (operation, status, code) the published OpenAPI document "
                + "does not declare, of %d seen", declared.observations()).isEmpty();
    }

    private static Response call(Role role, Row row) {
        String token = TOKENS.get(role).get();
        RequestSpecification spec = token == null ? Api.anonymous() : Api.withToken(token);
        spec = spec.header("Idempotency-Key", Api.newKey()).urlEncodingEnabled(false);
        if (row.path().endsWith(".ics")) {
            spec = spec.accept("text/calendar, application/problem+json");
        }
        if (row.path().endsWith(".pdf")) {
            spec = spec.accept("application/pdf, application/problem+json");
        }
        if (row.body() != null) {
            Object body = row.body();
            if (body instanceof Map<?, ?> m && "{checkincode}".equals(m.get("code"))) {
                body = Map.of("code", forCheckIn.checkInCode());
            }
            spec = spec.body(body);
        }
        return spec.request(row.method(), resolve(row.path()));
    }

    private static String resolve(String path) {
        return path.replace("{waiting}", waiting.bookingNo()).replace("{served}", served.bookingNo())
                .replace("{app}", applicationNo).replace("{order}", orderNo).replace("{message}", messageId)
                .replace("{hold}", holdId);
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}

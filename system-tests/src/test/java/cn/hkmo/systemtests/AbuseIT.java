package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Partner;
import cn.hkmo.systemtests.harness.Replicas;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse: one citizen or one partner booking and cancelling over and over is stopped, by the appointment-service's
 * per-citizen limits (production values: one active booking per document, five bookings per 30 days) and by the
 * gateway's rate limits (production values: 60 requests a minute per citizen; the partner client's budget set to
 * {@value Replicas#PARTNER_LIMIT_PER_MINUTE} a minute through the documented per-client override). These run against
 * {@link Replicas#strictGateway()}, a gateway with those limits in front of an appointment-service instance with the
 * production booking limits (the suite's own instances have them lifted for the other scenarios).
 * And payment notifies that do not carry the payment platform's signature are refused and change nothing.
 */
@SystemTest
class AbuseIT {

    @Test
    @DisplayName("a citizen booking and cancelling in a loop: one active booking at a time, five per 30 days, "
            + "then 429 BOOKING_LIMIT_REACHED; nothing booked beyond")
    void bookingAndCancellingByOneCitizenIsLimited() {
        String gateway = Replicas.strictGateway();
        Citizen c = Citizens.create("churn", 1).get(0);
        String sub = (String) Tokens.claims(c.token()).get("sub");
        List<String> answers = new ArrayList<>();
        int booked = 0;
        Response last = null;
        for (int i = 0; i < 8; i++) {
            Map<String, Object> form = Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 9 + i), Citizens.REGION, Steps.atHall());
            last = given().baseUri(gateway).contentType(ContentType.JSON).auth().oauth2(c.token())
                    .header("Idempotency-Key", Api.newKey()).body(form).post("/api/v1/bookings");
            answers.add("book " + last.statusCode() + code(last));
            if (last.statusCode() != 201) {
                break;
            }
            booked++;
            String no = last.path("bookingNo");
            if (i == 0) {
                // while one is active, a second is refused
                Response second = given().baseUri(gateway).contentType(ContentType.JSON).auth().oauth2(c.token())
                        .header("Idempotency-Key", Api.newKey())
                        .body(Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 20), Citizens.REGION, Steps.atHall()))
                        .post("/api/v1/bookings");
                answers.add("second active " + second.statusCode() + code(second));
                assertThat(second.statusCode()).as(answers.toString()).isEqualTo(409);
                assertThat(code(second)).contains("ACTIVE_BOOKING_EXISTS");
            }
            Response cancel = given().baseUri(gateway).contentType(ContentType.JSON).auth().oauth2(c.token())
                    .post("/api/v1/bookings/{no}/cancel", no);
            answers.add("cancel " + cancel.statusCode());
            assertThat(cancel.statusCode()).as(answers.toString()).isLessThan(300);
        }
        System.out.println("[abuse] citizen churn: " + answers);
        assertThat(booked).as(answers.toString()).isEqualTo(5);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(code(last)).contains("BOOKING_LIMIT_REACHED");
        assertThat(Db.count("appointment", "select count(*) from booking where citizen_subject = ?", sub))
                .as("bookings of the citizen in the database").isEqualTo(5);
    }

    @Test
    @DisplayName("one citizen's burst is cut at the gateway's 60 a minute: 429 RATE_LIMITED with Retry-After")
    void aCitizensBurstIsRateLimited() throws Exception {
        String gateway = Replicas.strictGateway();
        Citizen c = Citizens.create("burst", 1).get(0);
        String token = c.token();
        int requests = 90;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        long t0 = System.nanoTime();
        List<Future<Response>> futures = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            futures.add(pool.submit(() -> given().baseUri(gateway).auth().oauth2(token).get("/api/v1/bookings")));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        Response limited = null;
        for (Future<Response> f : futures) {
            Response r = f.get();
            statuses.merge(r.statusCode(), 1, Integer::sum);
            if (r.statusCode() == 429) {
                limited = r;
            }
        }
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L + 1;
        pool.shutdown();
        System.out.println("[abuse] citizen burst of " + requests + " in ~" + seconds + " s: " + statuses);
        assertThat(statuses.keySet()).containsOnly(200, 429);
        assertThat(statuses.get(200)).as("allowed: the bucket (60) plus its refill (1/s)").isLessThanOrEqualTo(60 + (int) seconds + 1);
        assertThat(limited).isNotNull();
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
        assertThat(limited.header("Retry-After")).matches("\\d+");
    }

    @Test
    @DisplayName("a partner booking and cancelling for a citizen in a loop hits the citizen's booking limit, then the "
            + "partner's own rate limit")
    void bookingAndCancellingByOnePartnerIsLimited() {
        String gateway = Replicas.strictGateway();
        Citizen c = Citizens.create("partnerchurn", 1).get(0);
        String token = Partner.authorizedBy(c.username(), "openid booking").accessToken();
        String sub = (String) Tokens.claims(token).get("sub");
        List<String> answers = new ArrayList<>();
        boolean bookingLimit = false;
        Response rateLimited = null;
        long started = System.nanoTime();
        for (int i = 0; i < 3 * Replicas.PARTNER_LIMIT_PER_MINUTE && rateLimited == null; i++) {
            Response r = given().baseUri(gateway).contentType(ContentType.JSON).auth().oauth2(token)
                    .header("Idempotency-Key", Api.newKey())
                    .body(Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 9), Citizens.REGION, Steps.atHall()))
                    .post("/api/v1/bookings");
            answers.add(r.statusCode() + code(r));
            if (r.statusCode() == 201) {
                Response cancel = given().baseUri(gateway).contentType(ContentType.JSON).auth().oauth2(token)
                        .post("/api/v1/bookings/{no}/cancel", (String) r.path("bookingNo"));
                answers.add("cancel " + cancel.statusCode() + code(cancel));
                if (cancel.statusCode() == 429) {
                    rateLimited = cancel;
                }
            } else if (r.statusCode() == 429 && code(r).contains("BOOKING_LIMIT_REACHED")) {
                bookingLimit = true;
            } else if (r.statusCode() == 429) {
                rateLimited = r;
            } else {
                assertThat(r.statusCode()).as(answers.toString()).isLessThan(500);
            }
        }
        System.out.println("[abuse] partner churn: " + answers);
        assertThat(bookingLimit).as("the citizen's booking limit reached through the partner: " + answers).isTrue();
        assertThat(rateLimited).as("the partner's rate limit reached: " + answers).isNotNull();
        assertThat(rateLimited.jsonPath().getString("code")).isEqualTo("RATE_LIMITED");
        // The bucket refills greedily (a minute's budget spread over the minute), so a loop slowed by a busy machine
        // earns what the elapsed time refilled, and no more.
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        long refilled = seconds * Replicas.PARTNER_LIMIT_PER_MINUTE / 60;
        assertThat((long) answers.size()).as("requests before the partner was cut off, in %d s", seconds)
                .isLessThanOrEqualTo(Replicas.PARTNER_LIMIT_PER_MINUTE + refilled + 5);
        assertThat(Db.count("appointment", "select count(*) from booking where citizen_subject = ?", sub))
                .as("bookings made through the partner").isEqualTo(5);
    }

    @Test
    @DisplayName("payment notifies without the payment platform's signature are refused: 'failure', audited, order unpaid")
    void forgedPaymentNotifiesAreRefused() throws Exception {
        Citizen c = Citizens.create("forger", 1).get(0);
        Booking booking = Steps.book(c.token(), Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 2), Citizens.REGION, Steps.atHall()));
        String applicationNo = Steps.checkInAndAccept("officer.bj", booking);
        var order = Steps.awaitOrder(c.token(), applicationNo);
        String orderNo = order.getString("orderNo");
        String tradeNo = Steps.startAlipayPayment(c.token(), orderNo);
        long amountFen = order.getLong("totalFen");
        String amount = String.format("%d.%02d", amountFen / 100, amountFen % 100);

        Map<String, String> genuine = new TreeMap<>();
        genuine.put("notify_time", "2026-01-01 10:00:00");
        genuine.put("notify_type", "trade_status_sync");
        genuine.put("notify_id", "forged-" + Api.newKey());
        genuine.put("app_id", "2021000000000000");
        genuine.put("charset", "UTF-8");
        genuine.put("version", "1.0");
        genuine.put("out_trade_no", orderNo);
        genuine.put("trade_no", tradeNo);
        genuine.put("trade_status", "TRADE_SUCCESS");
        genuine.put("total_amount", amount);
        genuine.put("receipt_amount", amount);
        genuine.put("seller_id", "2088000000000000");
        genuine.put("buyer_id", "2088000000009999");
        genuine.put("gmt_payment", "2026-01-01 10:00:00");

        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        PrivateKey attackerKey = keys.generateKeyPair().getPrivate();

        List<Map<String, String>> forgeries = new ArrayList<>();
        forgeries.add(new LinkedHashMap<>(genuine));                                      // no signature at all
        forgeries.add(signed(genuine, attackerKey));                                      // signed with another key
        Map<String, String> garbage = signed(genuine, attackerKey);
        garbage.put("sign", "AAAA" + garbage.get("sign").substring(4));
        forgeries.add(garbage);                                                           // broken signature
        Map<String, String> cheaper = new TreeMap<>(genuine);
        cheaper.put("total_amount", "0.01");
        forgeries.add(signed(cheaper, attackerKey));                                      // another amount
        Map<String, String> rsa1 = signed(genuine, attackerKey);
        rsa1.put("sign_type", "RSA");
        forgeries.add(rsa1);                                                              // weaker algorithm claimed

        long auditsBefore = Db.count("fee", "select count(*) from notify_audit where out_trade_no = ?", orderNo);
        for (Map<String, String> forged : forgeries) {
            Response r = Api.anonymous().contentType(ContentType.URLENC).accept(ContentType.ANY).formParams(forged)
                    .post("/api/v1/fees/alipay/notify");
            assertThat(r.statusCode()).as("notify answer %s", r.asString()).isLessThan(500);
            assertThat(r.asString().trim()).as("reply to a forged notify").isNotEqualTo("success");
        }
        // a notify for an order that does not exist, unsigned
        Map<String, String> unknown = new TreeMap<>(genuine);
        unknown.put("out_trade_no", "FO000000000000000000");
        assertThat(Api.anonymous().contentType(ContentType.URLENC).accept(ContentType.ANY).formParams(unknown)
                .post("/api/v1/fees/alipay/notify").asString().trim()).isNotEqualTo("success");

        Api.withToken(c.token()).get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(200);
        assertThat((String) Api.withToken(c.token()).get("/api/v1/fees/orders/{no}", orderNo).path("status")).isEqualTo("UNPAID");
        assertThat(Db.count("fee", "select count(*) from payment where order_no = ?", orderNo)).isZero();
        List<String> outcomes = Db.column("fee", "select outcome from notify_audit where out_trade_no = ? order by id", orderNo);
        System.out.println("[abuse] forged notifies for " + orderNo + ": " + outcomes);
        assertThat(outcomes.size() - auditsBefore).isEqualTo(forgeries.size());
        assertThat(outcomes).allMatch(o -> o.startsWith("REJECTED_"));
        assertThat(Db.count("fee", "select count(*) from outbox_event where message_key = ? and type = 'payment.completed.v1'",
                applicationNo)).isZero();
    }

    private static Map<String, String> signed(Map<String, String> params, PrivateKey key) throws Exception {
        Map<String, String> p = new TreeMap<>(params);
        p.remove("sign");
        p.remove("sign_type");
        StringBuilder content = new StringBuilder();
        p.forEach((k, v) -> content.append(content.length() == 0 ? "" : "&").append(k).append('=').append(v));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(content.toString().getBytes(StandardCharsets.UTF_8));
        p.put("sign", Base64.getEncoder().encodeToString(s.sign()));
        p.put("sign_type", "RSA2");
        return p;
    }

    private static String code(Response r) {
        String ct = r.contentType();
        return ct != null && ct.startsWith("application/problem+json") ? " " + r.jsonPath().getString("code") : "";
    }
}

package cn.hkmo.fee.payment;

import cn.hkmo.platform.test.FreeHttpPortResource;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static cn.hkmo.fee.FeeServiceTestSupport.count;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The unauthenticated notify of issue 15: what an anonymous poster can make the service store. */
@QuarkusTest
@QuarkusTestResource(FreeHttpPortResource.class)
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "fee"))
class NotifyAbuseIT {

    private static final String NOTIFY_PATH = "/api/v1/fees/alipay/notify";

    @Inject
    EntityManager entityManager;

    @Test
    void aRefusedNotifyStoresItsKnownFieldsBoundedAndCountsTheRest() {
        String marker = "FO" + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
        Map<String, String> junk = new LinkedHashMap<>();
        junk.put("out_trade_no", marker);
        junk.put("sign", "x");
        junk.put("subject", "z".repeat(5000));
        for (int i = 0; i < 8; i++) {
            junk.put("junk" + i, "x".repeat(1350));
        }

        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParams(junk).post(NOTIFY_PATH).then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("NOTIFY_REFUSED"));

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "select params, dropped_fields, request_bytes, outcome from notify_audit where out_trade_no = ?1")
                .setParameter(1, marker).getSingleResult());
        assertThat((String) row[0]).contains("\"out_trade_no\"", "\"subject\"").doesNotContain("junk").hasSizeLessThan(1000);
        assertThat(((Number) row[1]).intValue()).isEqualTo(8);
        assertThat(((Number) row[2]).longValue()).isGreaterThan(5000 + 8 * 1350);
        assertThat(row[3]).isEqualTo("REJECTED_BAD_SIGNATURE");
    }

    @Test
    void anOversizedNotifyIsA413ProblemAndNothingIsStored() {
        long before = count(entityManager, "select count(*) from notify_audit");

        given().contentType("application/x-www-form-urlencoded").formParam("sign", "x").formParam("junk", "x".repeat(20_000))
                .post(NOTIFY_PATH).then()
                .statusCode(413).contentType("application/problem+json").body("code", equalTo("NOTIFY_TOO_LARGE"))
                .body("title", equalTo("支付通知过大"));
        given().header("Accept-Language", "en").contentType("application/x-www-form-urlencoded")
                .formParam("junk", "x".repeat(20_000)).post(NOTIFY_PATH).then()
                .statusCode(413).body("detail", equalTo("A payment notify may not exceed 16384 bytes."));

        assertThat(count(entityManager, "select count(*) from notify_audit")).isEqualTo(before);
    }

    @Test
    void aChunkedNotifyWithoutLengthIsRefusedUnread() throws Exception {
        long before = count(entityManager, "select count(*) from notify_audit");
        try (Socket socket = new Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + NOTIFY_PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nsign=\r\n").getBytes(StandardCharsets.US_ASCII)); // the body never ends
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 411").contains("NOTIFY_LENGTH_REQUIRED");
        }
        assertThat(count(entityManager, "select count(*) from notify_audit")).isEqualTo(before);
    }
}

package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeServiceTestSupport;
import cn.hkmo.platform.test.FreeHttpPortResource;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PlatformTestResource;
import com.alipay.api.internal.util.AlipaySignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Paying in the browser: the mobile-web cashier address, the simulated cashier, the signed return, the notify. */
@QuarkusTest
@QuarkusTestResource(FreeHttpPortResource.class)
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "fee"))
class WapPaymentIT {

    private static final String H5 = "http://localhost:8080/h5/";

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "hkmo.alipay.alipay-public-key")
    String platformPublicKey;

    @Test
    void theCitizenPaysInTheCashierIsSentBackSignedAndTheNotifyMarksTheOrderPaid() throws Exception {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = FeeServiceTestSupport.openOrder(entityManager, citizen, "BJ-CHAOYANG", LocalDate.now());

        String cashierUrl = payInBrowser(citizen, orderNo, "wap-" + orderNo, H5).statusCode(200)
                .body("orderNo", equalTo(orderNo)).body("amount", equalTo("90.00"))
                .body("cashierUrl", containsString("method=alipay.trade.wap.pay"))
                .extract().path("cashierUrl");
        payInBrowser(citizen, orderNo, "wap-" + orderNo, H5).statusCode(200)
                .header("Idempotent-Replayed", "true").body("cashierUrl", equalTo(cashierUrl));
        assertThat(query(cashierUrl)).containsEntry("return_url", H5).containsKey("notify_url").containsKey("sign");

        given().urlEncodingEnabled(false).get(cashierUrl).then().statusCode(200)
                .contentType(containsString("text/html")).header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("90.00")).body(containsString("id=\"pay\""));

        String back = given().redirects().follow(false).post("/simulator/alipay/cashier/{no}/pay", orderNo).then()
                .statusCode(303).header("Location", startsWith(H5 + "?")).extract().header("Location");
        Map<String, String> returned = query(back);
        assertThat(returned).containsEntry("out_trade_no", orderNo).containsEntry("method", "alipay.trade.wap.pay.return")
                .containsEntry("total_amount", "90.00");
        assertThat(AlipaySignature.rsaCheckV1(new HashMap<>(returned), platformPublicKey, "UTF-8", "RSA2"))
                .as("the synchronous return is signed by the platform").isTrue();

        await().atMost(Duration.ofSeconds(15)).until(() -> "PAID".equals(given().auth().oauth2(citizen)
                .get("/api/v1/fees/orders/{no}", orderNo).then().statusCode(200).extract().path("status")));
        payInBrowser(citizen, orderNo, "wap-again-" + orderNo, H5).statusCode(409).body("code", equalTo("ORDER_NOT_PAYABLE"));
    }

    @Test
    void aForgedCashierAddressShowsThePlatformsErrorPageAndCreatesNoTrade() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = FeeServiceTestSupport.openOrder(entityManager, citizen, "BJ-CHAOYANG", LocalDate.now());
        String cashierUrl = payInBrowser(citizen, orderNo, "wap-" + orderNo, H5).statusCode(200).extract().path("cashierUrl");

        // One fen less in the signed business content: the signature no longer covers it.
        String forged = cashierUrl.replace("%2290.00%22", "%2289.99%22");
        assertThat(forged).isNotEqualTo(cashierUrl);
        given().urlEncodingEnabled(false).get(forged).then().statusCode(400).body(containsString("isv.invalid-signature"));
        given().redirects().follow(false).post("/simulator/alipay/cashier/{no}/pay", orderNo).then().statusCode(409);
    }

    @Test
    void aForeignReturnUrlIsRefusedAndAnotherCitizensOrderDoesNotExist() {
        String citizen = KeycloakTokens.password("zhangwei");
        String orderNo = FeeServiceTestSupport.openOrder(entityManager, citizen, "BJ-CHAOYANG", LocalDate.now());

        for (String foreign : new String[]{"https://evil.example/h5/", "http://localhost:8080@evil.example/h5/",
                "http://localhost:8080/h5/#/applications", "javascript:alert(1)"}) {
            payInBrowser(citizen, orderNo, "foreign-" + foreign.hashCode() + orderNo, foreign).statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("RETURN_URL_NOT_ALLOWED"));
        }
        payInBrowser(KeycloakTokens.password("lina"), orderNo, "lina-" + orderNo, H5).statusCode(404)
                .body("code", equalTo("ORDER_NOT_FOUND"));
        payInBrowser(KeycloakTokens.password("chenjing"), orderNo, "chenjing-" + orderNo, H5).statusCode(403)
                .body("code", equalTo("IDENTITY_NOT_VERIFIED"));
        given().auth().oauth2(citizen).contentType(ContentType.JSON).body(Map.of("returnUrl", H5))
                .post("/api/v1/fees/orders/{no}/alipay-wap", orderNo).then().statusCode(400)
                .body("code", equalTo("IDEMPOTENCY_KEY_MISSING"));
    }

    private static ValidatableResponse payInBrowser(String token, String orderNo, String key, String returnUrl) {
        return given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("returnUrl", returnUrl)).post("/api/v1/fees/orders/{no}/alipay-wap", orderNo).then();
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}

package cn.hkmo.kit.identity;

import cn.hkmo.platform.test.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/** Real Keycloak tokens against the kit's bearer defaults (audience hkmo-api, realm roles). */
@QuarkusTest
class BearerTokenIT {

    @Test
    void aCitizensTokenIsAcceptedAndItsClaimsRead() {
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/test/me").then()
                .statusCode(200)
                .body("subject", notNullValue())
                .body("residentId", equalTo("110105********1239"))
                .body("name", equalTo("张伟"))
                .body("mobile", equalTo("13800000001"))
                .body("roles", hasItem("citizen"))
                .body("citizen", equalTo(true))
                .body("clientId", equalTo("hkmo-dev-cli"))
                .body("faceVerified", equalTo(true))
                .body("actingForCitizen", equalTo(false));
    }

    @Test
    void officersAndReviewersCarryTheirHallAndRegion() {
        given().auth().oauth2(KeycloakTokens.password("officer.bj")).get("/test/me").then()
                .statusCode(200).body("hallId", equalTo("BJ-CHAOYANG")).body("roles", hasItem("officer"));
        given().auth().oauth2(KeycloakTokens.password("reviewer.gd")).get("/test/me").then()
                .statusCode(200).body("reviewRegion", equalTo("440000"));
    }

    @Test
    void bookingAndPayingNeedTheRealPersonCheck() {
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/test/me/verified").then()
                .statusCode(200).body(equalTo("110105********1239"));
        given().auth().oauth2(KeycloakTokens.password("chenjing")).header("Accept-Language", "en")
                .get("/test/me/verified").then()
                .statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("IDENTITY_NOT_VERIFIED"))
                .body("detail", containsString("real-person"));
        given().auth().oauth2(KeycloakTokens.password("chenjing")).get("/test/me/verified").then()
                .statusCode(403).body("detail", containsString("实人认证"));
    }

    @Test
    void aMissingRoleIsAForbiddenProblem() {
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/test/officers-only").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(KeycloakTokens.password("officer.sh")).get("/test/officers-only").then()
                .statusCode(200);
    }

    @Test
    void aPartnersOwnTokenOnACitizensOperationIsRefusedAsWithoutTheCitizensConsent() {
        String partnerOwn = KeycloakTokens.clientCredentials("alipay-partner", "alipay-partner-secret", "partner.public");
        given().auth().oauth2(partnerOwn).header("Accept-Language", "en").get("/test/citizens-only").then()
                .statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("PARTNER_NOT_AUTHORISED"))
                .body("title", equalTo("Not authorised by the applicant"));
        // staff operations keep the missing role's answer
        given().auth().oauth2(partnerOwn).get("/test/officers-only").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/test/citizens-only").then().statusCode(200);
    }

    @Test
    void noTokenIsAn401Problem() {
        given().get("/test/me").then()
                .statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        String otherApp = KeycloakTokens.clientCredentials("other-app", "other-app-secret");
        given().auth().oauth2(otherApp).header("Accept-Language", "en").get("/test/me").then()
                .statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"))
                .body("title", equalTo("Login required"));
    }

    @Test
    void aTokenWithATamperedSignatureIsRejected() {
        String[] parts = KeycloakTokens.password("zhangwei").split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        String tampered = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        given().auth().oauth2(tampered).get("/test/me").then()
                .statusCode(401).contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anExpiredTokenIsRejected() {
        String shortLived = KeycloakTokens.password("short-lived-cli", "zhangwei");
        given().auth().oauth2(shortLived).get("/test/me").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().auth().oauth2(shortLived).get("/test/me").statusCode() == 401);
        given().auth().oauth2(shortLived).get("/test/me").then()
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }
}

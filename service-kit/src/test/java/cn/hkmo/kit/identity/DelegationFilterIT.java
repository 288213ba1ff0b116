package cn.hkmo.kit.identity;

import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PartnerAuthorization;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A partner's citizen token is refused by the service itself once the citizen withdrew the consent (%test: re-checked every call). */
@QuarkusTest
class DelegationFilterIT {

    @Test
    void aWithdrawnConsentStopsThePartnerAtTheService() {
        String partnerToken = PartnerAuthorization.authorize("alipay-partner", "alipay-partner-secret", "lina",
                "openid booking", "http://localhost:8080/partner/callback").accessToken();
        given().auth().oauth2(partnerToken).get("/test/me").then().statusCode(200).body("actingForCitizen", equalTo(true));

        PartnerAuthorization.revokeConsent("lina", "alipay-partner");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(partnerToken).header("Accept-Language", "en").get("/test/me").then()
                        .statusCode(401).contentType("application/problem+json")
                        .body("code", equalTo("DELEGATION_REVOKED"))
                        .body("title", equalTo("Authorisation withdrawn")));
        // the citizen's own token is not affected
        given().auth().oauth2(KeycloakTokens.password("lina")).get("/test/me").then().statusCode(200);
    }
}

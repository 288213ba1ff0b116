package cn.hkmo.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PartnerAuthorization;
import cn.hkmo.platform.test.PartnerAuthorization.Grant;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** A partner platform acting for a citizen loses access as soon as the citizen withdraws the consent. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
@QuarkusTestResource(FakeUpstreams.class)
class DelegatedPartnerIT {

    private static final String PARTNER = "alipay-partner";
    private static final String SECRET = "alipay-partner-secret";
    private static final String CALLBACK = "http://localhost:8080/partner/callback";

    @Test
    void aWithdrawnConsentStopsThePartnerAtTheEdgeAtOnce() {
        Grant grant = PartnerAuthorization.authorize(PARTNER, SECRET, "liuyang", "openid booking payment", CALLBACK);
        Map<String, Object> claims = KeycloakTokens.claims(grant.accessToken());
        assertThat(claims).containsEntry("azp", PARTNER).containsEntry("resident_id", "510107198804050051");
        assertThat(grant.scope()).contains("booking", "payment");

        given().auth().oauth2(grant.accessToken()).contentType("application/json").body("{}")
                .post("/api/v1/bookings?m=delegated-before")
                .then().statusCode(200).body("service", equalTo("appointment"));

        PartnerAuthorization.revokeConsent("liuyang", PARTNER);

        // The access token is still an unexpired, well-signed JWT; the edge asks Keycloak and refuses it.
        given().auth().oauth2(grant.accessToken()).contentType("application/json").body("{}")
                .post("/api/v1/bookings?m=delegated-after")
                .then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("DELEGATION_REVOKED"));
        assertThat(PartnerAuthorization.refresh(PARTNER, SECRET, grant.refreshToken()).status()).isEqualTo(400);
    }

    @Test
    void theCitizensOwnTokenAndThePartnersOwnTokenAreNotRechecked() {
        given().auth().oauth2(KeycloakTokens.password("zhangwei")).get("/api/v1/bookings?m=own")
                .then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.clientCredentials(PARTNER, SECRET, "partner.public"))
                .get("/api/v1/halls?m=partner-public").then().statusCode(200);
    }
}

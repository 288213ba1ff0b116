package cn.hkmo.systemtests;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.platform.test.PartnerAuthorization;
import cn.hkmo.platform.test.PartnerAuthorization.Grant;
import cn.hkmo.systemtests.harness.Partner;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A partner platform (Alipay, client {@code alipay-partner}) acting for a citizen with the citizen's consent
 * (docs/partners.md): authorization code + PKCE on Keycloak's real login and consent pages.
 */
@SystemTest
class PartnerIT {

    private static final String CITIZEN = "zhangwei";

    @Test
    @DisplayName("the citizen authorises the partner (authorized login + consent), the partner books and pays for the "
            + "citizen, and loses access when the citizen revokes it")
    void partnerActsForTheCitizenUntilTheCitizenRevokes() {
        // the partner's own token reads public data
        Api.withToken(Tokens.partnerOwn()).queryParam("province", "110000").get("/api/v1/halls")
                .then().statusCode(200).body("items.id", hasItem("BJ-CHAOYANG"));

        // the citizen signs in inside the partner's web view and agrees to "booking" and "payment"
        Grant grant = Partner.authorizedBy(CITIZEN, "openid booking payment");
        assertThat(grant.consentShown()).as("consent page shown").isTrue();
        Map<String, Object> claims = Tokens.claims(grant.accessToken());
        assertThat(claims.get("azp")).isEqualTo(Tokens.PARTNER_CLIENT);
        assertThat(claims.get("preferred_username")).isEqualTo(CITIZEN);
        assertThat(claims.get("resident_id")).isEqualTo("110105199003071239");
        assertThat(String.valueOf(claims.get("aud"))).contains("hkmo-api");
        assertThat(((String) claims.get("scope")).split(" ")).contains("booking", "payment");
        assertThat(grant.refreshToken()).isNotBlank();

        // the partner books for the citizen; the citizen sees the booking in their own list, booked by the partner
        Booking booking = Steps.book(grant.accessToken(),
                Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 3), "110105", Steps.ems("张伟", "北京市朝阳区建国路1号")));
        Api.as(CITIZEN).get("/api/v1/bookings/{no}", booking.bookingNo()).then().statusCode(200)
                .body("bookedByClient", equalTo(Tokens.PARTNER_CLIENT));
        Api.withToken(grant.accessToken()).get("/api/v1/bookings").then().statusCode(200)
                .body("items.bookingNo", hasItem(booking.bookingNo()));

        // at the hall, then the partner pays the fees for the citizen and follows the case
        String applicationNo = Steps.checkInAndAccept("officer.bj", booking);
        Steps.pay(grant.accessToken(), applicationNo);
        Steps.assertTimeline(grant.accessToken(), applicationNo, "BOOKED", "CHECKED_IN", "ACCEPTED", "PAID");

        // the citizen removes the partner's access in the account console
        Partner.revokeConsent(CITIZEN, Tokens.PARTNER_CLIENT);

        // the partner's grant is gone: its refresh token is refused ...
        PartnerAuthorization.Refresh refresh = Partner.refresh(grant.refreshToken());
        assertThat(refresh.status()).as("refresh after revocation: %s", refresh.body()).isEqualTo(400);
        assertThat(refresh.body()).contains("invalid_grant");
        // ... and acting for the citizen again needs the citizen's consent again
        Grant again = Partner.authorizedBy(CITIZEN, "openid booking payment");
        assertThat(again.consentShown()).as("consent asked again after revocation").isTrue();
    }

    @Test
    @DisplayName("an access token the partner got before the citizen revoked is refused within the gateway's re-check interval")
    void anAccessTokenIssuedBeforeTheRevocationIsRefused() {
        Grant grant = Partner.authorizedBy("liuyang", "openid booking");
        Api.withToken(grant.accessToken()).get("/api/v1/bookings").then().statusCode(200);

        Partner.revokeConsent("liuyang", Tokens.PARTNER_CLIENT);

        // The gateway trusts a confirmed grant for hkmo.gateway.delegation.recheck-after (Suite: 2 s), then asks Keycloak.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                Api.withToken(grant.accessToken()).get("/api/v1/bookings").then().statusCode(401)
                        .body("code", equalTo("DELEGATION_REVOKED")));
    }
}

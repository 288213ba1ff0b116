package cn.hkmo.systemtests.harness;

import cn.hkmo.platform.test.PartnerAuthorization;
import cn.hkmo.platform.test.PartnerAuthorization.Grant;
import cn.hkmo.platform.test.PartnerAuthorization.Refresh;

/**
 * The partner platform (client {@code alipay-partner}) and the citizen's side of its authorisation: the "authorized
 * login" with consent on Keycloak's real pages, the refresh, and the citizen withdrawing the consent. The browser
 * work is the platform's {@link PartnerAuthorization}, shared with the gateway's tests.
 */
public final class Partner {

    /** Registered exactly for {@code alipay-partner} in the dev/test realm (no pattern); never opened. */
    public static final String REDIRECT_URI = "http://localhost:8080/partner/callback";

    private Partner() {
    }

    /** The citizen signs in on the real login page inside the partner's web view and agrees to {@code scope}. */
    public static Grant authorizedBy(String citizen, String scope) {
        return PartnerAuthorization.authorize(Tokens.PARTNER_CLIENT, Tokens.PARTNER_SECRET, citizen, scope, REDIRECT_URI);
    }

    /** The partner's back end refreshes the citizen's token: Keycloak's answer. */
    public static Refresh refresh(String refreshToken) {
        return PartnerAuthorization.refresh(Tokens.PARTNER_CLIENT, Tokens.PARTNER_SECRET, refreshToken);
    }

    /** The citizen withdraws the partner's access (what the account console's "Remove access" does). */
    public static void revokeConsent(String citizen, String clientId) {
        PartnerAuthorization.revokeConsent(citizen, clientId);
    }
}

package cn.hkmo.issuance.support;

import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PartnerAuthorization;

import java.time.LocalDate;

/** Demo users of the realm (docs/conventions.md) with their real token subjects. */
public final class Users {

    private Users() {
    }

    public static String token(String user) {
        return KeycloakTokens.password(user);
    }

    public static String courier() {
        return KeycloakTokens.clientCredentials("courier-ems", "courier-ems-secret");
    }

    public static String subjectOf(String token) {
        return (String) KeycloakTokens.claims(token).get("sub");
    }

    /** The citizen withdraws the partner's consent: other scenarios expect the consent page on a first grant. */
    public static void withdrawPartnerConsent(String user, String client) {
        PartnerAuthorization.revokeConsent(user, client);
    }

    /** 张伟, the applicant of most tests, as the acceptance event names him. */
    public static Applicant zhangwei(String token) {
        return new Applicant(subjectOf(token), "110105199003071239", "张伟", "13800000001", LocalDate.of(1990, 3, 7));
    }
}

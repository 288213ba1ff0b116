package cn.hkmo.systemtests.harness;

import cn.hkmo.platform.test.KeycloakTokens;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the platform's Keycloak, reused for a minute (they live five). */
public final class Tokens {

    public static final String PARTNER_CLIENT = "alipay-partner";
    public static final String PARTNER_SECRET = "alipay-partner-secret";
    public static final String COURIER_CLIENT = "courier-ems";
    public static final String COURIER_SECRET = "courier-ems-secret";

    private record Cached(String token, long until) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A demo user's token (password {@code demo123}, client {@code hkmo-dev-cli}). */
    public static String of(String user) {
        return cached("user:" + user, () -> KeycloakTokens.password(user));
    }

    /** The EMS courier's service account. */
    public static String courier() {
        return cached("courier", () -> KeycloakTokens.clientCredentials(COURIER_CLIENT, COURIER_SECRET));
    }

    /** The partner platform's own token (client credentials), with scope {@code partner.public}. */
    public static String partnerOwn() {
        return cached("partner", () -> KeycloakTokens.clientCredentials(PARTNER_CLIENT, PARTNER_SECRET, "partner.public"));
    }

    public static Map<String, Object> claims(String token) {
        return KeycloakTokens.claims(token);
    }

    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        Cached c = CACHE.get(key);
        if (c != null && c.until > System.currentTimeMillis()) {
            return c.token;
        }
        String token = fetch.get();
        CACHE.put(key, new Cached(token, System.currentTimeMillis() + 60_000));
        return token;
    }
}

package cn.hkmo.systemtests.harness;

import cn.hkmo.platform.test.KeycloakTokens;
import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * Synthetic citizens for the load and fault tests: users of realm {@code hkmo} created through Keycloak's admin API
 * (partial import: one request for many users), each with a valid GB 11643 resident ID in Beijing Chaoyang
 * ({@code 110105}), {@code identity_assurance=face-verified}, realm role {@code citizen}. Their tokens come from the
 * password grant of {@code hkmo-dev-cli}, like the demo users'.
 *
 * <p>To keep Keycloak's password hashing off the shared 2 cores (PBKDF2 with 210,000 rounds per user created and per
 * login), the test realm's password policy is set to one hash iteration before the first import. The realm is the
 * private platform's (never a reused one): nothing outside this JVM sees it.
 */
public final class Citizens {

    /** The demo password, so the partner's browser login ({@code PartnerAuthorization}) works for them too. */
    public static final String PASSWORD = KeycloakTokens.DEMO_PASSWORD;
    /** Region of every synthetic citizen: Beijing Chaoyang, the hukou of {@code BJ-CHAOYANG}. */
    public static final String REGION = "110105";

    /** A synthetic citizen: Keycloak user name and resident ID. */
    public record Citizen(String username, String residentId) {
        public String token() {
            return Citizens.token(this);
        }

        /** The mobile of the account ({@code 139} and the citizen's number in this JVM). */
        public String mobile() {
            return Citizens.mobile(Integer.parseInt(username.substring(username.lastIndexOf('-') + 1)));
        }
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Set<String> ALL_IDS = ConcurrentHashMap.newKeySet();
    private static final Map<String, String[]> TOKENS = new ConcurrentHashMap<>();
    private static volatile boolean policySet;

    private Citizens() {
    }

    /** Creates {@code count} new citizens named {@code <prefix>-<n>}. */
    public static List<Citizen> create(String prefix, int count) {
        List<Citizen> made = new ArrayList<>();
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = SEQUENCE.incrementAndGet();
            Citizen c = new Citizen((prefix + "-" + n).toLowerCase(), residentId(n));
            made.add(c);
            users.add(Map.of(
                    "username", c.username(),
                    "enabled", true,
                    "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)),
                    "realmRoles", List.of("citizen"),
                    "attributes", Map.of(
                            "resident_id", List.of(c.residentId()),
                            "full_name", List.of("测试" + n),
                            "mobile", List.of(mobile(n)),
                            "identity_assurance", List.of("face-verified"))));
        }
        String admin = adminToken();
        if (!policySet) {
            synchronized (Citizens.class) {
                if (!policySet) {
                    given().baseUri(Suite.get().keycloakUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                            .body(Map.of("passwordPolicy", "hashIterations(1)"))
                            .put("/admin/realms/hkmo").then().statusCode(204);
                    policySet = true;
                }
            }
        }
        for (int from = 0; from < users.size(); from += 200) {
            given().baseUri(Suite.get().keycloakUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("ifResourceExists", "FAIL", "users", users.subList(from, Math.min(users.size(), from + 200))))
                    .post("/admin/realms/hkmo/partialImport").then().statusCode(200);
        }
        made.forEach(c -> ALL_IDS.add(c.residentId()));
        return made;
    }

    private static String mobile(int n) {
        return String.format("139%08d", n);
    }

    /** Every resident ID handed out in this JVM (for the log scan). */
    public static Set<String> allResidentIds() {
        return Set.copyOf(ALL_IDS);
    }

    /** A token for the citizen, reused for a minute (they live five). */
    public static String token(Citizen c) {
        String[] cached = TOKENS.get(c.username());
        if (cached != null && Long.parseLong(cached[1]) > System.currentTimeMillis()) {
            return cached[0];
        }
        String token = KeycloakTokens.password(KeycloakTokens.DEV_CLIENT, c.username(), PASSWORD);
        TOKENS.put(c.username(), new String[]{token, Long.toString(System.currentTimeMillis() + 60_000)});
        return token;
    }

    /** The master realm's admin token ({@code admin}/{@code admin}). */
    public static String adminToken() {
        return given().baseUri(Suite.get().keycloakUrl()).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * The {@code n}-th synthetic resident ID: region 110105, born between 1970 and 1999 (adults), sequence 500-999
     * (never a demo user's), and the GB 11643 check character (ISO 7064 MOD 11-2).
     */
    public static String residentId(int n) {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays((n / 500) % 10_950);
        String base = REGION + birth.toString().replace("-", "") + String.format("%03d", 500 + n % 500);
        return base + checkCharacter(base);
    }

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** True when {@code s} is an 18-character resident ID with a correct check character. */
    public static boolean validResidentId(String s) {
        if (s.length() != 18 || !s.substring(0, 17).chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Character.toUpperCase(s.charAt(17)) == checkCharacter(s.substring(0, 17));
    }
}

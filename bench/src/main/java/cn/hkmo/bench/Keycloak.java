package cn.hkmo.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The bench citizens: created in the running Keycloak through its admin API (partial imports of 100), then a
 * password-grant token each on the dev-only client {@code hkmo-dev-cli}.
 */
public final class Keycloak {

    public static final String PASSWORD = "bench-citizen-1";
    private static final int BATCH = 100;
    /** How long the bench realm's access tokens live (createCitizens). */
    static final Duration TOKEN_LIFESPAN = Duration.ofMinutes(30);

    /** A bench citizen as the realm knows them. */
    public record Citizen(String username, String residentId, String name, String mobile) {
    }

    private final String url;
    private final HttpClient http = Http.client(8);

    public Keycloak(String url) {
        this.url = url;
    }

    public static List<Citizen> citizens(int from, int count) {
        List<Citizen> list = new ArrayList<>();
        for (int n = from; n < from + count; n++) {
            // Fixed widths: every bench citizen's token has the same length, so the warm-up's citizens and the rush's
            // take the same paths through the token's decoding (a shorter name once sent the rush into a deoptimisation).
            list.add(new Citizen(String.format("bench%05d", n), ResidentIds.benchCitizen(n), String.format("压测%05d", n),
                    "139" + String.format("%08d", n)));
        }
        return list;
    }

    String adminToken() {
        HttpResponse<String> r = Http.expect(Http.send(http, Http.request(url + "/realms/master/protocol/openid-connect/token")
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(Http.form(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", "admin"))).build()), 200);
        return Http.parse(r.body()).get("access_token").asText();
    }

    /**
     * Creates the citizens (realm role {@code citizen}, face-verified) in one partial import. The bench realm is changed
     * first, and only the bench's private platform:
     * <ul>
     *   <li>password hashing at one PBKDF2 iteration: the bench measures the suite, not Keycloak's password hashing
     *   (210,000 iterations would cost ~0.2 CPU-s per token on these cores);</li>
     *   <li>access tokens that live {@link #TOKEN_LIFESPAN} in place of the realm's 5 minutes: on a slow machine the
     *   larger rush's 10,000 tokens took 321 s to fetch, and its first 675 had expired when the rush sent them. How
     *   long a token lives changes nothing in how it is verified.</li>
     * </ul>
     */
    public void createCitizens(List<Citizen> citizens) {
        String admin = adminToken();
        Http.expect(Http.send(http, Http.request(url + "/admin/realms/hkmo").header("authorization", "Bearer " + admin)
                .header("content-type", "application/json")
                .PUT(Http.json(Map.of("passwordPolicy", "hashIterations(1)",
                        "accessTokenLifespan", (int) TOKEN_LIFESPAN.toSeconds()))).build()), 204);
        for (int i = 0; i < citizens.size(); i += BATCH) {
            admin = adminToken(); // master admin tokens live 60 s; a batch can take longer on a loaded machine
            List<Map<String, Object>> users = new ArrayList<>();
            for (Citizen c : citizens.subList(i, Math.min(citizens.size(), i + BATCH))) {
                Map<String, Object> u = new LinkedHashMap<>();
                u.put("username", c.username());
                u.put("enabled", true);
                u.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
                u.put("realmRoles", List.of("citizen"));
                u.put("attributes", Map.of("resident_id", List.of(c.residentId()), "full_name", List.of(c.name()),
                        "mobile", List.of(c.mobile()), "identity_assurance", List.of("face-verified")));
                users.add(u);
            }
            Http.expect(Http.send(http, Http.request(url + "/admin/realms/hkmo/partialImport")
                    .header("authorization", "Bearer " + admin).header("content-type", "application/json")
                    .POST(Http.json(Map.of("ifResourceExists", "SKIP", "users", users))).build()), 200);
        }
    }

    /** A password-grant access token for a realm user. */
    public String token(String username, String password) {
        HttpResponse<String> r = Http.expect(Http.send(http, Http.request(url + "/realms/hkmo/protocol/openid-connect/token")
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(Http.form(Map.of("grant_type", "password", "client_id", "hkmo-dev-cli", "username", username,
                        "password", password))).build()), 200);
        return Http.parse(r.body()).get("access_token").asText();
    }

    /** One token per citizen, fetched on a few threads, just before use (they live {@link #TOKEN_LIFESPAN}). */
    public List<String> tokens(List<Citizen> citizens, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Citizen c : citizens) {
                futures.add(pool.submit(() -> token(c.username(), PASSWORD)));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : futures) {
                tokens.add(f.get());
            }
            return tokens;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The decoded payload of a JWT (no verification: only to check what the bench created). */
    public static JsonNode claims(String jwt) {
        String payload = jwt.split("\\.")[1];
        return Http.parse(new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8));
    }
}

package cn.hkmo.platform.test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from the platform's Keycloak (realm {@code hkmo}) for tests. Every call asks Keycloak for a fresh
 * token: nothing is cached, so nothing goes stale.
 *
 * <pre>
 * String citizen = KeycloakTokens.password("zhangwei");                     // client hkmo-dev-cli, password demo123
 * String expiring = KeycloakTokens.password("short-lived-cli", "zhangwei"); // expires after 2 s
 * String courier = KeycloakTokens.clientCredentials("courier-ems", "courier-ems-secret");
 * </pre>
 */
public final class KeycloakTokens {

    public static final String DEV_CLIENT = "hkmo-dev-cli";
    public static final String DEMO_PASSWORD = "demo123";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeycloakTokens() {
    }

    /** Password grant through {@code hkmo-dev-cli} for a demo user (password {@code demo123}). */
    public static String password(String user) {
        return password(DEV_CLIENT, user);
    }

    /** Password grant through a public client with direct access grants (e.g. {@code short-lived-cli}). */
    public static String password(String client, String user) {
        return password(client, user, DEMO_PASSWORD);
    }

    public static String password(String client, String user, String password) {
        return token(Map.of("grant_type", "password", "client_id", client, "username", user, "password", password));
    }

    /** Client credentials grant of a confidential client with a service account. */
    public static String clientCredentials(String client, String secret) {
        return token(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret));
    }

    /** Client credentials grant asking for optional scopes (e.g. {@code partner.public}). */
    public static String clientCredentials(String client, String secret, String scope) {
        return token(Map.of("grant_type", "client_credentials", "client_id", client, "client_secret", secret,
                "scope", scope));
    }

    /** {@code <keycloak>/realms/hkmo/protocol/openid-connect/token} of the running platform. */
    public static String tokenEndpoint() {
        return PlatformTestResource.platform().keycloak().tokenEndpoint();
    }

    /** The claims of a JWT (payload decoded, signature not checked): for assertions in tests. */
    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), new TypeReference<LinkedHashMap<String, Object>>() {
            });
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private static String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + form.get("client_id") + " ("
                        + form.getOrDefault("username", "service account") + "): " + response.statusCode() + " "
                        + response.body());
            }
            Object token = JSON.readValue(response.body(), Map.class).get("access_token");
            return (String) token;
        } catch (IOException e) {
            throw new IllegalStateException("token request to " + tokenEndpoint() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package cn.hkmo.kit.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionStage;

/** RFC 7662 token introspection at the realm, authenticated as the suite's resource client; never blocks a thread. */
class KeycloakIntrospection {

    private static final Logger LOG = Logger.getLogger(KeycloakIntrospection.class);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;
    private final ObjectMapper json;

    KeycloakIntrospection(String realmUrl, DelegationConfig config, ObjectMapper json) {
        this.endpoint = URI.create(realmUrl + "/protocol/openid-connect/token/introspect");
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (config.introspectionClientId() + ":" + config.introspectionClientSecret()).getBytes(StandardCharsets.UTF_8));
        this.timeout = config.timeout();
        this.json = json;
    }

    CompletionStage<Boolean> active(String rawToken) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(rawToken, StandardCharsets.UTF_8)))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                LOG.warnf("Token introspection answered %d; delegated request refused", response.statusCode());
                return false;
            }
            try {
                return json.readTree(response.body()).path("active").asBoolean(false);
            } catch (IOException e) {
                LOG.warnf("Token introspection answered no JSON; delegated request refused");
                return false;
            }
        }).whenComplete((active, failure) -> {
            if (failure != null) {
                LOG.warnf("Token introspection failed (%s); delegated request refused", failure.toString());
            }
        });
    }
}

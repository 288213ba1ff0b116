package cn.hkmo.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The "authorized login" (授权登录) of a partner platform, done as a browser would against the real Keycloak:
 * the authorization code flow with PKCE (S256), the citizen's login form, the consent screen, the code exchange.
 * And the citizen withdrawing that consent again through Keycloak's account API.
 *
 * <pre>
 * Grant grant = PartnerAuthorization.authorize("alipay-partner", "alipay-partner-secret", "zhangwei",
 *         "openid booking payment", "http://localhost:8080/partner/callback");
 * PartnerAuthorization.revokeConsent("zhangwei", "alipay-partner");
 * </pre>
 */
public final class PartnerAuthorization {

    /**
     * Tokens the partner holds for the citizen.
     *
     * @param consentShown whether Keycloak asked the citizen to consent (it does not when a consent is on record)
     */
    public record Grant(String accessToken, String refreshToken, String scope, boolean consentShown) {
    }

    /** Keycloak's answer to a refresh: 200 with tokens, or 400 {@code invalid_grant} once the consent is gone. */
    public record Refresh(int status, String body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIDDEN_CODE = Pattern.compile("name=\"code\"\\s+value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PartnerAuthorization() {
    }

    /** @param secret the client secret, or null for a public client (PKCE alone) */
    public static Grant authorize(String client, String secret, String user, String scope, String redirectUri) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new BrowserCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        String realm = PlatformTestResource.platform().realmUrl();
        String verifier = randomUrlSafe(48);
        String state = randomUrlSafe(16);
        String authorize = realm + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", client, "redirect_uri", redirectUri, "response_type", "code", "scope", scope,
                "state", state, "code_challenge", challengeOf(verifier), "code_challenge_method", "S256"));

        HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        page = send(browser, post(actionOf(page), Map.of("username", user, "password", KeycloakTokens.DEMO_PASSWORD,
                "credentialId", "")));
        page = followInsideKeycloak(browser, page, redirectUri);
        boolean consentShown = page.statusCode() == 200; // the consent screen: the citizen grants the scopes it lists
        if (consentShown) {
            page = followInsideKeycloak(browser, consent(browser, page), redirectUri);
        }
        HttpResponse<String> redirect = page;
        String location = redirect.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no redirect after login/consent: " + redirect.statusCode()
                        + " " + abbreviate(redirect.body())));
        if (!location.startsWith(redirectUri) || !location.contains("state=" + state)) {
            throw new IllegalStateException("unexpected redirect " + location);
        }
        String code = queryParam(location, "code").orElseThrow(() -> new IllegalStateException("no code in " + location));

        Map<String, String> exchange = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri, "client_id", client, "code_verifier", verifier));
        if (secret != null) {
            exchange.put("client_secret", secret);
        }
        HttpResponse<String> token = send(browser, post(realm + "/protocol/openid-connect/token", exchange));
        if (token.statusCode() != 200) {
            throw new IllegalStateException("code exchange refused: " + token.statusCode() + " " + token.body());
        }
        JsonNode body = read(token.body());
        return new Grant(body.path("access_token").asText(), body.path("refresh_token").asText(null),
                body.path("scope").asText(), consentShown);
    }

    /** The consent screen: the citizen grants the scopes it lists. */
    private static HttpResponse<String> consent(HttpClient browser, HttpResponse<String> page) {
        Matcher code = HIDDEN_CODE.matcher(page.body());
        Map<String, String> consent = new LinkedHashMap<>();
        if (code.find()) {
            consent.put("code", unescape(code.group(1)));
        }
        consent.put("accept", "Yes");
        return send(browser, post(actionOf(page), consent));
    }

    /** Keycloak moves between its own pages (login, required actions, consent) by redirects. */
    private static HttpResponse<String> followInsideKeycloak(HttpClient browser, HttpResponse<String> page,
            String redirectUri) {
        HttpResponse<String> current = page;
        for (int hops = 0; hops < 10 && current.statusCode() / 100 == 3; hops++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(redirectUri)) {
                return current;
            }
            current = send(browser, HttpRequest.newBuilder(current.uri().resolve(location)).GET().build());
        }
        return current;
    }

    /**
     * The citizen withdraws the partner's consent as in the account console (账户中心 → 应用 → 撤销授权): signed in to
     * {@code account-console} (PKCE, like the console's page), then {@code DELETE
     * /realms/hkmo/account/applications/<client>/consent} with that token. Keycloak ends the client's sessions and
     * refresh tokens for the citizen. Withdrawing a consent that is not on record (a grant of {@code openid} alone
     * records none) is a no-op.
     */
    public static void revokeConsent(String user, String client) {
        String realm = PlatformTestResource.platform().realmUrl();
        Grant console = authorize("account-console", null, user, "openid", realm + "/account/");
        HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(realm
                        + "/account/applications/" + URLEncoder.encode(client, StandardCharsets.UTF_8) + "/consent"))
                .header("Authorization", "Bearer " + console.accessToken())
                .header("Accept", "application/json") // the account REST API, not the console's page
                .DELETE().build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("consent withdrawal refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** The partner's back end refreshes the citizen's token. */
    public static Refresh refresh(String client, String secret, String refreshToken) {
        String url = PlatformTestResource.platform().realmUrl() + "/protocol/openid-connect/token";
        HttpResponse<String> response = send(HttpClient.newHttpClient(), post(url, Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", client, "client_secret", secret)));
        return new Refresh(response.statusCode(), response.body());
    }

    /** The first form's action, resolved against the page (Keycloak writes some actions as relative paths). */
    private static String actionOf(HttpResponse<String> page) {
        Matcher m = FORM_ACTION.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no form on " + page.uri() + " (" + page.statusCode() + "): "
                    + abbreviate(page.body()));
        }
        return page.uri().resolve(unescape(m.group(1))).toString();
    }

    private static HttpRequest post(String url, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Optional<String> queryParam(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.empty();
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + abbreviate(json), e);
        }
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"");
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    /**
     * Keeps Keycloak's session cookies for one login, as a browser does. The JDK's {@code CookieManager} refuses
     * cookies of a host without a dot ({@code localhost}), so this jar takes every cookie and sends it back.
     */
    private static final class BrowserCookies extends CookieHandler {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String value : values) {
                        String pair = value.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq <= 0) {
                            continue;
                        }
                        String cookie = pair.substring(0, eq).trim();
                        String content = pair.substring(eq + 1).trim();
                        if (content.isEmpty() || value.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                            cookies.remove(cookie);
                        } else {
                            cookies.put(cookie, content);
                        }
                    }
                }
            });
        }
    }
}

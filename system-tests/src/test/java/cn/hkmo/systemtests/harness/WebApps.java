package cn.hkmo.systemtests.harness;

import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * The web front-ends as the browser tests reach them: the gateway runs on a free port here, so its origin is added to
 * the redirect URIs of the apps' public clients (each app's own path only, like the committed realm's entries).
 */
public final class WebApps {

    /** App path → the realm client it logs in with (gateway setting {@code hkmo.web.clients.*}). */
    public static final Map<String, String> CLIENTS = Map.of("h5", "hkmo-h5", "console", "hkmo-console");

    private static volatile boolean registered;

    private WebApps() {
    }

    public static synchronized void registerRedirects() {
        if (registered) {
            return;
        }
        String admin = Citizens.adminToken();
        String keycloak = Suite.get().keycloakUrl();
        CLIENTS.forEach((app, clientId) -> {
            Map<String, Object> client = given().baseUri(keycloak).auth().oauth2(admin).queryParam("clientId", clientId)
                    .get("/admin/realms/hkmo/clients").then().statusCode(200).extract().<Map<String, Object>>path("[0]");
            @SuppressWarnings("unchecked")
            List<String> uris = new ArrayList<>((List<String>) client.get("redirectUris"));
            uris.add(Suite.get().gatewayUrl() + "/" + app + "/*");
            given().baseUri(keycloak).auth().oauth2(admin).contentType(ContentType.JSON)
                    .body(Map.of("clientId", clientId, "redirectUris", uris))
                    .put("/admin/realms/hkmo/clients/{id}", client.get("id")).then().statusCode(204);
        });
        registered = true;
    }
}

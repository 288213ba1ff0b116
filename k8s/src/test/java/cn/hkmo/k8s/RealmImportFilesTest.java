package cn.hkmo.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed KeycloakRealmImport files are exactly what the generator makes from the realm JSON. */
class RealmImportFilesTest {

    @Test
    void committedRealmImportsAreGeneratedFromTheRealmJson() throws IOException {
        if (Boolean.getBoolean("hkmo.k8s.regenerate")) {
            RealmImportGenerator.write(Repo.root());
        }
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : RealmImportGenerator.generate(Repo.root()).entrySet()) {
            var path = Repo.root().resolve(file.getKey());
            if (!Files.exists(path) || !Files.readString(path).equals(file.getValue())) {
                stale.add(file.getKey());
            }
        }
        assertThat(stale).as("out of date with " + RealmImportGenerator.REALM_JSON
                + "; run ./mvnw -pl k8s test -Dhkmo.k8s.regenerate=true").isEmpty();
    }

    @Test
    void productionRealmHasNoTestClientsNoDemoUsersNoPasswordGrantNoLiteralSecrets() {
        JsonNode realm = realmOf(Repo.objects("prod"));
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(c -> {
            clients.add(c.path("clientId").asText());
            assertThat(c.path("directAccessGrantsEnabled").asBoolean(true)).as(c.path("clientId") + " password grant").isFalse();
            if (c.has("secret")) {
                assertThat(c.path("secret").asText()).matches("\\$\\{HKMO_[A-Z_]+_SECRET}");
            }
            c.path("redirectUris").forEach(u -> assertThat(u.asText()).doesNotContain("localhost").doesNotContain("127.0.0.1"));
        });
        assertThat(clients).isNotEmpty().doesNotContainAnyElementsOf(RealmImportGenerator.TEST_CLIENTS);
        realm.path("users").forEach(u -> assertThat(u.path("serviceAccountClientId").asText(""))
                .as("only service-account users in prod, found " + u.path("username")).isNotEmpty());
        assertThat(realm.path("users").toString()).doesNotContain("demo123");

        JsonNode dev = realmOf(Repo.objects("dev"));
        assertThat(dev.path("clients").toString()).contains("hkmo-dev-cli");
    }

    /** Issue 15: no password grant through Keycloak's own admin-cli, exact partner callbacks, rotated refresh tokens. */
    @Test
    void everyRealmClosesAdminCliRegistersPartnerCallbacksExactlyAndRotatesRefreshTokens() {
        for (String overlay : Repo.OVERLAYS) {
            JsonNode realm = realmOf(Repo.objects(overlay));
            JsonNode adminCli = client(realm, "admin-cli");
            assertThat(adminCli).as(overlay + ": admin-cli declared").isNotNull();
            assertThat(adminCli.path("directAccessGrantsEnabled").asBoolean(true)).as(overlay + " admin-cli password grant").isFalse();
            assertThat(realm.path("revokeRefreshToken").asBoolean(false)).as(overlay + " refresh-token rotation").isTrue();
            assertThat(realm.path("refreshTokenMaxReuse").asInt(-1)).as(overlay + " refresh-token reuse").isZero();
            realm.path("clients").forEach(c -> {
                if (RealmImportGenerator.isPartner(c)) {
                    assertThat(c.path("redirectUris")).as(overlay + " " + c.path("clientId")).isNotEmpty()
                            .allSatisfy(u -> assertThat(u.asText()).doesNotContain("*"));
                }
            });
        }
        JsonNode prodPartner = client(realmOf(Repo.objects("prod")), "alipay-partner");
        assertThat(prodPartner.path("redirectUris").toString()).isEqualTo("[\"${HKMO_ALIPAY_PARTNER_REDIRECT_URI}\"]");
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                return c;
            }
        }
        return null;
    }

    /** spec.realm binds to Keycloak's own RealmRepresentation with no unknown field, in both overlays. */
    @Test
    void realmsBindToKeycloaksRealmRepresentation() throws IOException {
        ObjectMapper strict = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        for (String overlay : Repo.OVERLAYS) {
            RealmRepresentation realm = strict.treeToValue(realmOf(Repo.objects(overlay)), RealmRepresentation.class);
            assertThat(realm.getRealm()).isEqualTo("hkmo");
            assertThat(realm.getClients()).isNotEmpty();
        }
    }

    private static JsonNode realmOf(List<JsonNode> objects) {
        JsonNode imp = Repo.named(objects, "KeycloakRealmImport", "hkmo-realm");
        assertThat(imp).isNotNull();
        return imp.path("spec").path("realm");
    }
}

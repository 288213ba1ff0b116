package cn.hkmo.notification.recipient;

import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.kit.identity.PersonalDataConfig;
import cn.hkmo.platform.test.FreeHttpPortResource;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * After a key rotation (the kit's test key {@code dev1} old, {@code rot2} current): a citizen's mobile and Alipay user
 * id sealed under the old key are re-sealed by the kit's job on its own schedule, the metric and the readiness data
 * then say the old key can go, and the citizen's preferences read the same.
 */
@QuarkusTest
@TestProfile(KeyRotationIT.Rotated.class)
@QuarkusTestResource(FreeHttpPortResource.class)
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "database", value = "notification"))
class KeyRotationIT {

    private static final String CHECK = "checks.find { it.name == 'personal-data keys' }.data.";

    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hkmo.personal-data.current-key-id", "rot2",
                    "hkmo.personal-data.keys.rot2", Base64.getEncoder()
                            .encodeToString("rotated-test-key-personal-data!!".getBytes(StandardCharsets.US_ASCII)),
                    "hkmo.personal-data.reencryption.every", "1s",
                    "hkmo.personal-data.reencryption.start-delay", "1s");
        }
    }

    @Inject
    EntityManager entityManager;

    /** The management interface's root path ({@code /q/}); the test uses its origin. */
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void valuesUnderTheOldKeyAreResealedAndReadTheSame() {
        String lina = KeycloakTokens.password("lina");
        String subject = (String) KeycloakTokens.claims(lina).get("sub");
        RestAssured.given().auth().oauth2(lina).contentType("application/json").body("{\"sms\":true}")
                .put("/api/v1/messages/preferences").then().statusCode(200);
        PersonalDataCipher before = onlyTheOldKey();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update recipient set mobile_sealed = ?1, alipay_user_sealed = ?2 where subject = ?3")
                .setParameter(1, before.encrypt("13800000002")).setParameter(2, before.encrypt("2088000000000002"))
                .setParameter(3, subject).executeUpdate());

        await("lina's row re-sealed under rot2").atMost(Duration.ofSeconds(30)).until(() -> {
            Object[] row = sealed(subject);
            return ((String) row[0]).startsWith("rot2:") && ((String) row[1]).startsWith("rot2:");
        });
        // the count follows the re-seal in the same pass: zero at the latest after the next one
        await("the metric at zero").atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(RestAssured
                .get(managementOrigin() + "/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith("hkmo_personal_data_old_key_rows{")).toList())
                .anyMatch(l -> l.contains("table=\"recipient\"") && l.matches(".*} 0(\\.0)?$")));
        await("the old key removable").atMost(Duration.ofSeconds(30)).until(() -> RestAssured
                .get(managementOrigin() + "/q/health/ready").then().extract().jsonPath().getBoolean(CHECK + "oldKeysRemovable"));
        RestAssured.get(managementOrigin() + "/q/health/ready").then().statusCode(200)
                .body(CHECK + "currentKeyId", equalTo("rot2")).body(CHECK + "oldKeyIds", equalTo("dev1"))
                .body(CHECK + "rowsUnderOldKeys", equalTo(0));

        RestAssured.given().auth().oauth2(lina).get("/api/v1/messages/preferences").then().statusCode(200)
                .body("mobile", equalTo("138****0002")).body("alipay", equalTo(true)).body("sms", equalTo(true));
        assertThat((String) sealed(subject)[1]).doesNotContain("2088000000000002");
    }

    private Object[] sealed(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "select mobile_sealed, alipay_user_sealed from recipient where subject = ?1").setParameter(1, subject)
                .getSingleResult());
    }

    private String managementOrigin() {
        return "http://" + management.getAuthority();
    }

    /** The cipher of the configuration before the rotation: the test key dev1 alone. */
    private static PersonalDataCipher onlyTheOldKey() {
        var config = ConfigProvider.getConfig();
        String dev1 = config.getValue("hkmo.personal-data.keys.dev1", String.class);
        String lookup = config.getValue("hkmo.personal-data.lookup-key", String.class);
        return new PersonalDataCipher(new PersonalDataConfig() {
            @Override
            public String currentKeyId() {
                return "dev1";
            }

            @Override
            public Map<String, String> keys() {
                return Map.of("dev1", dev1);
            }

            @Override
            public String lookupKey() {
                return lookup;
            }
        });
    }
}

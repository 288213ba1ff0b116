package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Db;
import cn.hkmo.systemtests.harness.Replicas;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The personal-data key rotation of k8s/README.md, on the five services (issue 19): personal data written under key
 * {@code rota}; the services rolled out with {@code rotb} current and {@code rota} kept as old; the kit's re-encryption
 * job re-seals every registered column (the test waits on each service's readiness data saying the old keys can go);
 * the services rolled out again without {@code rota}; then everything is read back through the API (bookings with
 * the applicant's mobile, an idempotent replay, the case's delivery address, the SMS setting's mobile, an intake that
 * opens the resident ID eligibility-service keeps) and no text column of any service database starts with
 * {@code rota:}. Lookups by the keyed resident-ID hash (my bookings, the counter) keep working: that key is not rotated.
 *
 * <p>It runs first ({@code @Order(1)}), before any replica copies the services' settings, and leaves the suite on
 * {@code rotb} (the {@code %dev} key {@code dev1} stays listed: a default cannot be taken away by a setting), so the
 * classes after it run on the rotated keys and a later restart keeps them.
 */
@SystemTest
@Order(1)
class KeyRotationIT {

    private static final List<String> SERVICES = List.of(Suite.APPOINTMENT, Suite.ELIGIBILITY, Suite.FEE, Suite.ISSUANCE,
            Suite.NOTIFICATION);
    private static final String KEY_A = key("rotation-test-key-a-for-the-suite");
    private static final String KEY_B = key("rotation-test-key-b-for-the-suite");
    private static final String CHECK = "checks.find { it.name == 'personal-data keys' }.data.";

    @Test
    @DisplayName("data under key A, re-sealed under B by the job, read back through the API with A removed")
    void rotateReencryptRemoveAndReadBack() {
        // 1. Key A current: a citizen books twice (EMS and at the hall), turns texts on, the first is accepted.
        rollOut(Map.of("hkmo.personal-data.current-key-id", "rota", "hkmo.personal-data.keys.rota", KEY_A));
        Citizen citizen = Citizens.create("rotation", 1).get(0);
        String token = citizen.token();
        Steps.Window window = Steps.nextWindow("BJ-CHAOYANG", 5);
        Map<String, Object> emsForm = Steps.firstApplication(window, Citizens.REGION, Steps.ems("轮换收件人", "北京市朝阳区密钥路1号"));
        String idempotencyKey = Api.newKey();
        Response first = Api.withToken(token).header("Idempotency-Key", idempotencyKey).body(emsForm).post("/api/v1/bookings");
        first.then().statusCode(201);
        Booking ems = new Booking(first.path("bookingNo"), first.path("checkInCode"), window);
        Booking atHall = Steps.book(token, Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 6), Citizens.REGION,
                Steps.atHall()));
        Api.withToken(token).body(Map.of("sms", true)).put("/api/v1/messages/preferences").then().statusCode(200);
        String applicationNo = Steps.checkInAndAccept("officer.bj", ems);
        Steps.eventuallyGet("case " + applicationNo, () -> Api.withToken(token).get("/api/v1/cases/{no}", applicationNo));
        assertThat(rowsUnder("rota")).as("personal data sealed under key A").isNotEmpty();

        // 2. Key B current, A kept: every service re-seals until its readiness data says the old keys can go.
        rollOut(Map.of("hkmo.personal-data.current-key-id", "rotb", "hkmo.personal-data.keys.rota", KEY_A,
                "hkmo.personal-data.keys.rotb", KEY_B, "hkmo.personal-data.reencryption.every", "1s",
                "hkmo.personal-data.reencryption.start-delay", "1s"));
        for (String service : SERVICES) {
            await(service + " re-sealed every row under an old key").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(500)).until(() -> Boolean.TRUE.equals(readiness(service)
                            .getBoolean(CHECK + "oldKeysRemovable")));
            assertThat(readiness(service).getString(CHECK + "oldKeyIds")).as(service).contains("rota");
            assertThat(given().baseUri(Suite.get().managementUrl(service)).get("/q/metrics").then().statusCode(200)
                    .extract().asString().lines().filter(l -> l.startsWith("hkmo_personal_data_old_key_rows{")))
                    .as(service + ": rows under old keys, per table").isNotEmpty()
                    .allSatisfy(l -> assertThat(l).matches(".*} 0(\\.0)?$"));
        }
        assertThat(rowsUnder("rota")).as("values still under key A").isEmpty();

        // 3. Key A removed: everything reads back.
        rollOut(Map.of("hkmo.personal-data.current-key-id", "rotb", "hkmo.personal-data.keys.rotb", KEY_B));
        for (String service : SERVICES) {
            assertThat(readiness(service).getString(CHECK + "oldKeyIds")).as(service).doesNotContain("rota");
        }
        Api.withToken(token).get("/api/v1/bookings/{no}", ems.bookingNo()).then().statusCode(200)
                .body("applicant.residentId", equalTo(citizen.residentId().substring(0, 6) + "********" + citizen.residentId().substring(14)))
                .body("applicant.mobile", equalTo(mask(citizen.mobile())));
        assertThat(Api.withToken(token).get("/api/v1/bookings").then().statusCode(200).extract().jsonPath()
                .getList("items.bookingNo", String.class)).contains(ems.bookingNo(), atHall.bookingNo());
        Api.withToken(token).header("Idempotency-Key", idempotencyKey).body(emsForm).post("/api/v1/bookings").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body(equalTo(first.asString()));
        Api.withToken(token).get("/api/v1/cases/{no}", applicationNo).then().statusCode(200)
                .body("delivery.recipient", equalTo("轮换收件人")).body("delivery.address", equalTo("北京市朝阳区密钥路1号"))
                .body("delivery.mobile", equalTo("138****0001"));
        Api.withToken(token).get("/api/v1/messages/preferences").then().statusCode(200)
                .body("sms", equalTo(true)).body("mobile", equalTo(mask(citizen.mobile())));
        // eligibility-service opens the resident ID it keeps (re-sealed) to accept the second booking; the citizen's
        // applications are found by the resident-ID hash, written before the rotation and after it
        String second = Steps.checkInAndAccept("officer.bj", atHall);
        assertThat(Api.withToken(token).get("/api/v1/intake/my/applications").then().statusCode(200).extract().jsonPath()
                .getList("items.applicationNo", String.class)).containsExactlyInAnyOrder(applicationNo, second);
    }

    private static void rollOut(Map<String, String> keys) {
        Suite.get().overrideServices(keys);
        Replicas.rollOut(SERVICES);
    }

    private static JsonPath readiness(String service) {
        return given().baseUri(Suite.get().managementUrl(service)).get("/q/health/ready").then().statusCode(200)
                .extract().jsonPath();
    }

    /** database.table.column: rows with a value sealed under the key, in any text column of the five databases. */
    private static List<String> rowsUnder(String keyId) {
        List<String> found = new ArrayList<>();
        for (String db : Db.SERVICE_DATABASES) {
            for (Map<String, String> column : Db.rows(db, "select table_name, column_name from information_schema.columns "
                    + "where table_schema = 'public' and data_type in ('text', 'character varying')")) {
                String table = column.get("table_name");
                String name = column.get("column_name");
                long n = Db.count(db, "select count(*) from \"" + table + "\" where \"" + name + "\" like ?", keyId + ":%");
                if (n > 0) {
                    found.add(db + "." + table + "." + name + ": " + n);
                }
            }
        }
        return found;
    }

    private static String mask(String mobile) {
        return mobile.substring(0, 3) + "****" + mobile.substring(7);
    }

    private static String key(String text) {
        return Base64.getEncoder().encodeToString(text.substring(0, 32).getBytes(StandardCharsets.US_ASCII));
    }
}

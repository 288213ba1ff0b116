package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.OpenApiContract;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/openapi.yaml is what the running gateway publishes at /q/openapi, and it changes only compatibly. After an
 * intended API change, regenerate it (the web client's types follow at the next build) and commit the diff:
 * {@value #REGENERATE}.
 */
@SystemTest
class OpenApiContractIT {

    static final String REGENERATE = "./mvnw -B -pl system-tests verify -Dtest=OpenApiContractIT -Dhkmo.openapi.regenerate=true";

    @Test
    @DisplayName("the committed contract is the published one, and the published one breaks no client of the committed")
    void committedContractIsPublished() throws Exception {
        Suite suite = Suite.get();
        // A service whose document the gateway could not fetch yet (a busy start) is retried by it after 5 s.
        String published = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3))
                .ignoreException(IllegalStateException.class)
                .until(() -> OpenApiContract.canonical(
                        Api.anonymous().get("/q/openapi").then().statusCode(200).extract().asString(), suite.keycloakUrl()),
                        doc -> true);
        Path file = suite.repoRoot().resolve(OpenApiContract.FILE);
        if (Boolean.getBoolean("hkmo.openapi.regenerate")) {
            Files.writeString(file, published);
        }
        String committed = Files.readString(file);
        assertThat(OpenApiContract.breakingChanges(committed, published))
                .as("breaking changes against " + OpenApiContract.FILE + " (a new API version, or deliberate and announced: "
                        + "then regenerate with " + REGENERATE + ")").isEmpty();
        assertThat(published).as(OpenApiContract.FILE + " differs from the gateway's /q/openapi; update it with "
                + REGENERATE + " and commit the diff").isEqualTo(committed);
    }
}

package cn.hkmo.kit.logging;

import io.quarkus.test.junit.QuarkusTest;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What really reaches the log file (configured in the test's application.properties) is masked. */
@QuarkusTest
class LogMaskingIT {

    private static final Path LOG_FILE = Path.of("target/kit-test.log");

    @Test
    void residentIdsNeverReachTheLog() throws java.io.IOException {
        String marker = UUID.randomUUID().toString();
        Logger.getLogger("cn.hkmo.booking").infof("%s booked by 440304199508210047 for %s", marker, "11010519491231002X");

        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(LOG_FILE).contains(marker));
        String line = Files.readAllLines(LOG_FILE).stream().filter(l -> l.contains(marker)).findFirst().orElseThrow();
        assertThat(line).contains("440304********0047", "110105********002X")
                .doesNotContain("440304199508210047", "11010519491231002X");
    }
}

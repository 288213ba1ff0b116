package cn.hkmo.systemtests;

import cn.hkmo.systemtests.harness.Citizens;
import cn.hkmo.systemtests.harness.Citizens.Citizen;
import cn.hkmo.systemtests.harness.Suite;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.WebApps;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The citizen H5 and the officer console in real Chromium (Debian's /usr/bin/chromium, driven by Playwright from
 * {@code web/e2e}), against this suite through the gateway that serves them. Playwright's output is streamed here;
 * a failed journey leaves its screenshot under {@code web/target/playwright/}.
 * {@code -Dhkmo.web.screenshots=<folder>} also keeps the README's screenshots there.
 */
@SystemTest
class BrowserJourneysIT {

    @Test
    @DisplayName("citizen booking to collection, booking errors beside their fields, the waitlist and message centre, zh-CN/en, in Chromium")
    void journeysInChromium() throws Exception {
        Suite suite = Suite.get();
        WebApps.registerRedirects();
        List<Citizen> citizens = Citizens.create("browser", 1); // a clean 'my bookings'
        Citizen waiter = Citizens.create("waiter", 1).get(0); // waits on a full window: no booking of the other journeys
        // one hold per citizen and window: enough citizens to take every place of a window (SLOT_FULL)
        List<Citizen> fillers = Citizens.create("filler", 12);
        Path web = suite.repoRoot().resolve("web");
        assertThat(web.resolve("node_modules/.bin/playwright"))
                .as("web/node_modules: build the web module first (./mvnw -pl web package)").exists();

        ProcessBuilder npx = new ProcessBuilder("npx", "playwright", "test").directory(web.toFile()).redirectErrorStream(true);
        Map<String, String> env = npx.environment();
        env.put("GATEWAY_URL", suite.gatewayUrl());
        env.put("KEYCLOAK_URL", suite.keycloakUrl());
        env.put("CITIZEN", citizens.get(0).username());
        env.put("CITIZEN_ID", citizens.get(0).residentId());
        env.put("WAITER", waiter.username());
        env.put("FILLERS", String.join(",", fillers.stream().map(Citizen::username).toList()));
        env.put("HUKOU_REGION", Citizens.REGION);
        env.put("DEMO_PASSWORD", Citizens.PASSWORD);
        String screenshots = System.getProperty("hkmo.web.screenshots");
        if (screenshots != null) {
            Files.createDirectories(Path.of(screenshots));
            env.put("SCREENSHOTS", Path.of(screenshots).toAbsolutePath().toString());
        }
        Process playwright = npx.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(playwright.getInputStream(), StandardCharsets.UTF_8))) {
            out.lines().forEach(line -> Suite.log("[playwright] " + line));
        } catch (IOException e) {
            playwright.destroyForcibly();
            throw e;
        }
        assertThat(playwright.waitFor(15, TimeUnit.MINUTES)).as("playwright finished").isTrue();
        assertThat(playwright.exitValue()).as("browser journeys (output above; screenshots of failures in "
                + web.resolve("target/playwright") + ")").isZero();
    }
}

package cn.hkmo.platform;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A launcher JVM killed with {@code kill -9} gets no chance to run a shutdown hook: its servers must still
 * go away (PostgreSQL and Keycloak through their watchdogs, Kafka with the JVM).
 */
class NoOrphansIT {

    @Test
    void killDashNineOfTheLauncherLeavesNoListeningPortAndNoProcess() throws Exception {
        Path dataDir = Path.of("target", "orphan-test-" + ProcessHandle.current().pid()).toAbsolutePath();
        Path out = Path.of("target", "orphan-test-launcher.log").toAbsolutePath();
        int pg = Ports.free();
        int kafka = Ports.free();
        int controller = Ports.free();
        int keycloak = Ports.free();
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path")));
        for (String p : List.of("maven.repo.local", "hkmo.platform.cache-dir", "hkmo.platform.keycloak-dist")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.addAll(List.of(LocalPlatformLauncher.class.getName(), "--data-dir", dataDir.toString(),
                "--postgres-port", "" + pg, "--kafka-port", "" + kafka, "--kafka-controller-port", "" + controller,
                "--keycloak-port", "" + keycloak));
        Process launcher = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            Wait.until("launcher ready", Duration.ofSeconds(240), Duration.ofMillis(200),
                    () -> logContains(out, LocalPlatformLauncher.READY_LINE), launcher::isAlive, () -> Logs.tail(out, 40));
            assertThat(List.of(pg, kafka, keycloak)).allMatch(Ports::listening);
            List<ProcessHandle> children = launcher.toHandle().descendants().toList();
            assertThat(children).as("watchdogs, postgres, keycloak").hasSizeGreaterThanOrEqualTo(4);

            launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs

            Wait.until("ports free and children gone after kill -9", Duration.ofSeconds(60), Duration.ofMillis(100),
                    () -> List.of(pg, kafka, controller, keycloak).stream().noneMatch(Ports::listening)
                            && children.stream().noneMatch(ProcessHandle::isAlive),
                    () -> true, () -> "still alive: " + children.stream().filter(ProcessHandle::isAlive)
                            .map(h -> h.pid() + " " + h.info().commandLine().orElse("?")).toList());
        } finally {
            launcher.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            PlatformFiles.deleteRecursively(dataDir);
        }
    }

    private static boolean logContains(Path file, String text) {
        try {
            return Files.exists(file) && Files.readString(file).contains(text);
        } catch (Exception e) {
            return false;
        }
    }
}

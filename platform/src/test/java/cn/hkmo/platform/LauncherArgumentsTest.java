package cn.hkmo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LauncherArgumentsTest {

    @Test
    void anAppTakesItsApiPortAndOptionallyItsManagementPort() {
        assertThat(LocalPlatformLauncher.parseApp("gateway=gateway/target/quarkus-app/quarkus-run.jar:8080:9080"))
                .containsExactly("gateway", "gateway/target/quarkus-app/quarkus-run.jar", "8080", "9080");
        assertThat(LocalPlatformLauncher.parseApp("gateway=g.jar:8080")).containsExactly("gateway", "g.jar", "8080", null);
    }

    @Test
    void aMalformedAppIsRefusedWithTheExpectedForm() {
        for (String spec : new String[] {"gateway", "=g.jar:8080", "gateway=g.jar", "gateway=g.jar:80x", "gateway=g.jar:1:2:3"}) {
            assertThatThrownBy(() -> LocalPlatformLauncher.parseApp(spec)).as(spec)
                    .hasMessageContaining("name=path/to/quarkus-run.jar:port[:managementPort]");
        }
    }

    @Test
    void jvmOptionsNameTheirAppAndSplitOnBlanks() {
        var options = LocalPlatformLauncher.parseJvmOptions("gateway= -XX:+UseSerialGC  -Xmx128m ");
        assertThat(options.getKey()).isEqualTo("gateway");
        assertThat(options.getValue()).containsExactly("-XX:+UseSerialGC", "-Xmx128m");
        assertThat(LocalPlatformLauncher.parseJvmOptions("gateway=").getValue()).isEmpty();
        assertThatThrownBy(() -> LocalPlatformLauncher.parseJvmOptions("-Xmx128m")).hasMessageContaining("--jvm-options name=");
    }
}

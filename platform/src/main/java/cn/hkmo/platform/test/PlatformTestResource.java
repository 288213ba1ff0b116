package cn.hkmo.platform.test;

import cn.hkmo.platform.LocalPlatform;
import cn.hkmo.platform.PlatformConfig;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Quarkus test resource: real PostgreSQL, Kafka and Keycloak for {@code @QuarkusTest}s.
 *
 * <pre>
 * &#64;QuarkusTestResource(value = PlatformTestResource.class, initArgs = &#64;ResourceArg(name = "database", value = "fee"))
 * </pre>
 *
 * The platform starts once per JVM (shared by every test class, stopped by a shutdown hook at JVM exit) on free
 * ephemeral ports with a data folder {@code target/hkmo-platform-<pid>} (deleted at exit). With
 * {@code -Dhkmo.platform.reuse=true} or {@code HKMO_PLATFORM_REUSE=true} it uses a platform that is already
 * running (the launcher's, found through {@code .platform/platform.properties} or the default ports), and starts
 * a private one only when none runs.
 *
 * <p>Returned configuration: {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.username},
 * {@code quarkus.datasource.password} (when the {@code database} init arg is given), {@code kafka.bootstrap.servers},
 * {@code quarkus.oidc.auth-server-url} ({@code <keycloak>/realms/hkmo}), {@code hkmo.platform.keycloak-url}.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    /**
     * Set once this JVM started its private platform. A {@code @TestProfile} restarts Quarkus in a new class
     * loader, where {@link #platform} is a fresh static: the property (JVM-wide) lets it find the running
     * platform instead of starting a second one.
     */
    static final String RUNNING_IN_THIS_JVM = "hkmo.platform.running-data-dir";

    private static volatile LocalPlatform platform;

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        return platform().quarkusConfig(database);
    }

    @Override
    public void stop() {
        // shared by all test classes of this JVM: stopped by the shutdown hook at JVM exit
    }

    /** The running platform of this JVM (started on first use). */
    public static LocalPlatform platform() {
        LocalPlatform p = platform;
        if (p == null) {
            synchronized (PlatformTestResource.class) {
                p = platform;
                if (p == null) {
                    p = startOrReuse();
                    platform = p;
                }
            }
        }
        return p;
    }

    private static LocalPlatform startOrReuse() {
        String running = System.getProperty(RUNNING_IN_THIS_JVM);
        if (running != null) {
            // Started by this JVM under another class loader; its broker can be restarted only from there.
            return LocalPlatform.connect(Path.of(running));
        }
        if (PlatformConfig.reuseRequested()) {
            PlatformConfig shared = PlatformConfig.localRun().withReuse(true);
            if (Files.exists(shared.dataDir().resolve(LocalPlatform.STATE_FILE))) {
                try {
                    return LocalPlatform.connect(shared.dataDir());
                } catch (RuntimeException e) {
                    System.out.println("[platform] cannot reuse " + shared.dataDir() + ": " + e.getMessage());
                }
            }
            if (cn.hkmo.platform.Ports.listening(shared.postgresPort()) && cn.hkmo.platform.Ports.listening(shared.kafkaPort())
                    && cn.hkmo.platform.Ports.listening(shared.keycloakPort())) {
                return LocalPlatform.connect(shared.postgresPort(), shared.kafkaPort(), shared.keycloakPort());
            }
            System.out.println("[platform] reuse requested but no platform is running: starting a private one");
        }
        Path dir = Path.of(System.getProperty("hkmo.platform.test-data-dir", "target/hkmo-platform-" + ProcessHandle.current().pid()));
        LocalPlatform started = LocalPlatform.start(PlatformConfig.ephemeral(dir));
        System.setProperty(RUNNING_IN_THIS_JVM, dir.toAbsolutePath().toString());
        return started;
    }
}

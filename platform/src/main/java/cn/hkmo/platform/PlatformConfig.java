package cn.hkmo.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the platform keeps its data and which ports it uses.
 *
 * <p>System properties (and the matching launcher options without the prefix, e.g. {@code --postgres-port}):
 * {@code hkmo.platform.data-dir}, {@code hkmo.platform.postgres-port}, {@code hkmo.platform.kafka-port},
 * {@code hkmo.platform.kafka-controller-port}, {@code hkmo.platform.keycloak-port}, {@code hkmo.platform.reuse}
 * (env {@code HKMO_PLATFORM_REUSE}), {@code hkmo.platform.cache-dir}.
 */
public record PlatformConfig(Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort, int keycloakPort,
        boolean reuse, boolean deleteDataOnStop) {

    public static final int DEFAULT_POSTGRES_PORT = 55432;
    public static final int DEFAULT_KAFKA_PORT = 59092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 59093;
    public static final int DEFAULT_KEYCLOAK_PORT = 8180;

    /** Local run: fixed well-known ports, data in {@code .platform/} at the repository root (kept). */
    public static PlatformConfig localRun() {
        return new PlatformConfig(
                Path.of(prop("data-dir", defaultDataDir().toString())).toAbsolutePath().normalize(),
                Integer.parseInt(prop("postgres-port", Integer.toString(DEFAULT_POSTGRES_PORT))),
                Integer.parseInt(prop("kafka-port", Integer.toString(DEFAULT_KAFKA_PORT))),
                Integer.parseInt(prop("kafka-controller-port", Integer.toString(DEFAULT_KAFKA_CONTROLLER_PORT))),
                Integer.parseInt(prop("keycloak-port", Integer.toString(DEFAULT_KEYCLOAK_PORT))),
                reuseRequested(), false);
    }

    /** A private platform: free ephemeral ports, its own data folder, deleted when it stops. */
    public static PlatformConfig ephemeral(Path dataDir) {
        return new PlatformConfig(dataDir.toAbsolutePath().normalize(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), false, true);
    }

    public PlatformConfig withReuse(boolean reuse) {
        return new PlatformConfig(dataDir, postgresPort, kafkaPort, kafkaControllerPort, keycloakPort, reuse,
                deleteDataOnStop);
    }

    /** {@code -Dhkmo.platform.reuse=true} or {@code HKMO_PLATFORM_REUSE=true}. */
    public static boolean reuseRequested() {
        String v = System.getProperty("hkmo.platform.reuse");
        if (v == null) {
            v = System.getenv("HKMO_PLATFORM_REUSE");
        }
        return v != null && (v.isEmpty() || Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
    }

    /** {@code .platform/} in the repository root (the nearest folder up with {@code mvnw}), else in the working dir. */
    public static Path defaultDataDir() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.exists(p.resolve("platform"))) {
                return p.resolve(".platform");
            }
        }
        return dir.resolve(".platform");
    }

    /** Machine-wide cache of unpacked binaries: {@code hkmo.platform.cache-dir}, default {@code ~/.cache/hkmo-platform}. */
    public static Path cacheDir() {
        return Path.of(System.getProperty("hkmo.platform.cache-dir",
                Path.of(System.getProperty("user.home"), ".cache", "hkmo-platform").toString()));
    }

    static String prop(String name, String defaultValue) {
        return System.getProperty("hkmo.platform." + name, defaultValue);
    }
}

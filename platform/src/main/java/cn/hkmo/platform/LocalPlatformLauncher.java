package cn.hkmo.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local run's command line ({@code ./run}): reads the arguments, starts the {@link LocalPlatform} and the
 * applications it names, prints where everything is and keeps running until Ctrl-C.
 *
 * <p>{@code java -cp 'platform/target/platform-1.0.0-SNAPSHOT.jar:platform/target/lib/*' cn.hkmo.platform.LocalPlatformLauncher
 * [--data-dir D] [--postgres-port N] [--kafka-port N] [--kafka-controller-port N] [--keycloak-port N] [--reuse]
 * [--app name=path/to/quarkus-run.jar:port[:managementPort]]... [--jvm-options name=OPTIONS]...}
 */
public final class LocalPlatformLauncher {

    /** Printed once the platform and every application are ready (scripts and {@code NoOrphansIT} wait for it). */
    public static final String READY_LINE = "HKMO PLATFORM READY";
    private static final String APP_USAGE = "--app name=path/to/quarkus-run.jar:port[:managementPort]";
    private static final String JVM_USAGE = "--jvm-options name='-Xmx160m -XX:+UseSerialGC ...'";

    private LocalPlatformLauncher() {
    }

    public static void main(String[] args) throws Exception {
        List<String[]> appArgs = new ArrayList<>();
        Map<String, List<String>> jvmOptions = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--reuse" -> System.setProperty("hkmo.platform.reuse", "true");
                case "--app" -> appArgs.add(parseApp(args[++i]));
                case "--jvm-options" -> {
                    Map.Entry<String, List<String>> options = parseJvmOptions(args[++i]);
                    jvmOptions.put(options.getKey(), options.getValue());
                }
                case "--data-dir", "--postgres-port", "--kafka-port", "--kafka-controller-port", "--keycloak-port" ->
                        System.setProperty("hkmo.platform." + a.substring(2), args[++i]);
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("unknown argument " + a + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        LocalPlatform platform = LocalPlatform.start(PlatformConfig.localRun());
        if (!platform.isOwner()) {
            // reused: the applications are still ours; keep this JVM alive for them
            Runtime.getRuntime().addShutdownHook(new Thread(() -> platform.apps().forEach(
                    app -> app.process().stop(Duration.ofSeconds(30)))));
        }
        for (String[] app : appArgs) {
            Logs.info("starting " + app[0] + " on port " + app[2]);
            platform.startApp(app[0], Path.of(app[1]), Integer.parseInt(app[2]),
                    app[3] == null ? Map.of() : Map.of(LocalPlatform.MANAGEMENT_PORT, app[3]),
                    jvmOptions.getOrDefault(app[0], List.of()));
        }
        System.out.println(summary(platform));
        System.out.println(READY_LINE);
        System.out.flush();
        new CountDownLatch(1).await(); // until Ctrl-C / SIGTERM: the shutdown hook stops everything
    }

    /** {@code name=path:port[:managementPort]} as {name, path, port, managementPort or null}. */
    static String[] parseApp(String spec) {
        int eq = spec.indexOf('=');
        String[] parts = eq <= 0 ? new String[0] : spec.substring(eq + 1).split(":");
        if (parts.length < 2 || parts.length > 3 || !parts[1].matches("\\d+")
                || parts.length == 3 && !parts[2].matches("\\d+")) {
            throw new IllegalArgumentException(APP_USAGE + ", not " + spec);
        }
        return new String[] {spec.substring(0, eq), parts[0], parts[1], parts.length == 3 ? parts[2] : null};
    }

    /** {@code name=-Xmx160m -XX:+UseSerialGC}: the application's name and its JVM options, split on blanks. */
    static Map.Entry<String, List<String>> parseJvmOptions(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException(JVM_USAGE + ", not " + spec);
        }
        String options = spec.substring(eq + 1).trim();
        return Map.entry(spec.substring(0, eq), options.isEmpty() ? List.of() : List.of(options.split("\\s+")));
    }

    private static String usage() {
        return "usage: LocalPlatformLauncher [--data-dir D] [--postgres-port N] [--kafka-port N] [--kafka-controller-port N]"
                + " [--keycloak-port N] [--reuse] [" + APP_USAGE + "]... [" + JVM_USAGE + "]...";
    }

    /** Human-readable summary: URLs, credentials, demo users. */
    static String summary(LocalPlatform platform) {
        KeycloakServer keycloak = platform.keycloak();
        StringBuilder s = new StringBuilder();
        s.append("\n================ HK-Macao permit suite: local platform ================\n");
        s.append(platform.isOwner() ? "started by this process" : "reused (run by another process)")
                .append(platform.config().dataDir() != null ? ", data in " + platform.config().dataDir() : "").append('\n');
        s.append(String.format("PostgreSQL 17   jdbc:postgresql://127.0.0.1:%d/<db>   dbs %s (user = password = db name; superuser postgres/postgres)%n",
                platform.postgres().port(), PostgresServer.DATABASES));
        s.append(String.format("Kafka (KRaft)   %s   topics appointments, applications, payments, issuance (+ .dlq)%n",
                platform.bootstrapServers()));
        s.append(String.format("Keycloak        %s   realm %s%n", platform.keycloakUrl(), platform.realmUrl()));
        s.append(String.format("  admin console %s   (%s / %s)%n", keycloak.adminConsoleUrl(), KeycloakServer.ADMIN_USER,
                KeycloakServer.ADMIN_PASSWORD));
        s.append(String.format("  token         curl -s -d grant_type=password -d client_id=hkmo-dev-cli -d username=zhangwei -d password=demo123 %s%n",
                keycloak.tokenEndpoint()));
        for (LocalPlatform.AppProcess app : platform.apps()) {
            s.append(String.format("%-15s %s   Swagger UI %s/q/swagger-ui   health %s   metrics %s/q/metrics%n",
                    app.name(), app.url(), app.url(), app.healthUrl(), app.managementUrl()));
            if (app.name().equals("gateway")) {
                // the web front-ends the gateway serves (web module)
                s.append(String.format("  citizen H5    %s/h5/      officer console %s/console/%n", app.url(), app.url()));
            }
        }
        s.append("Demo users (password demo123): citizens zhangwei, lina, wangxiaoming, chenjing (basic), liuyang;\n"
                + "  officers officer.bj/.sh/.gz/.sz/.cd; reviewers reviewer.bj, reviewer.gd; supervisor; admin\n");
        s.append("Ctrl-C stops everything.\n");
        s.append("=======================================================================\n");
        return s.toString();
    }
}

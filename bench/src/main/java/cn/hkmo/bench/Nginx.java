package cn.hkmo.bench;

import cn.hkmo.platform.Ports;
import cn.hkmo.platform.Wait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** nginx (Debian package) as a plain reverse proxy in front of one service, run in the foreground and stopped by us. */
public final class Nginx implements AutoCloseable {

    private final Process process;
    private final Path prefix;

    private Nginx(Process process, Path prefix) {
        this.process = process;
        this.prefix = prefix;
    }

    /** The configuration: one upstream with keep-alive connections, HTTP/1.1, the usual forwarded headers. */
    public static String config(int listenPort, int upstreamPort, int workers, Path prefix) {
        return """
                # Written by the bench harness: a plain reverse proxy, as an operator would configure one.
                worker_processes %d;
                pid %s/nginx.pid;
                error_log %s/error.log warn;
                events { worker_connections 4096; }
                http {
                    access_log %s/access.log;
                    client_body_temp_path %s/tmp;
                    proxy_temp_path %s/tmp;
                    upstream service { server 127.0.0.1:%d; keepalive 64; }
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://service;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_set_header X-Forwarded-Proto $scheme;
                        }
                    }
                }
                """.formatted(workers, prefix, prefix, prefix, prefix, prefix, upstreamPort, listenPort);
    }

    public static Nginx start(int listenPort, int upstreamPort, int workers, Path prefix) throws IOException, InterruptedException {
        Files.createDirectories(prefix.resolve("tmp"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config(listenPort, upstreamPort, workers, prefix.toAbsolutePath()));
        String nginx = Machine.toolPath("nginx");
        Process p = new ProcessBuilder(List.of(nginx, "-p", prefix.toAbsolutePath().toString(), "-c", conf.toAbsolutePath().toString(),
                "-g", "daemon off;")).redirectErrorStream(true).redirectOutput(prefix.resolve("nginx.out").toFile()).start();
        Nginx n = new Nginx(p, prefix);
        try {
            Wait.until("nginx listening on " + listenPort, Duration.ofSeconds(15), Duration.ofMillis(50),
                    () -> Ports.listening(listenPort), p::isAlive, () -> readQuietly(prefix.resolve("nginx.out")));
        } catch (IllegalStateException e) {
            n.close();
            throw e;
        }
        return n;
    }

    /** SIGTERM (fast shutdown) to the master, then waits; the workers exit with it. */
    @Override
    public void close() {
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            workers.forEach(ProcessHandle::destroyForcibly); // a no-op when they exited with the master
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public Path prefix() {
        return prefix;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}

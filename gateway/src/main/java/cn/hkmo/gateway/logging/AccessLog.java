package cn.hkmo.gateway.logging;

import cn.hkmo.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;

/**
 * The edge's access log: one line for every request the gateway answers, the refused ones included, with its request
 * id (gateway/README.md). Quarkus' own access log wrote each line under the console handler's lock, so the event loops
 * queued for each other (ADR 0017); here a loop only queues the entry and {@link AccessLogWriter} writes in batches.
 */
@ApplicationScoped
public class AccessLog {

    /** Ahead of every other filter (the head limits, the web apps' headers), so it sees every request end. */
    static final int PRIORITY = 1000;

    private final AccessLogWriter writer;

    AccessLog(GatewayConfig config, MeterRegistry meters) {
        GatewayConfig.AccessLog settings = config.accessLog();
        Counter dropped = meters.counter("hkmo.gateway.access.log.dropped");
        AccessLogFormat format = new AccessLogFormat(settings.json(), ZoneId.systemDefault());
        this.writer = settings.enabled() ? new AccessLogWriter(format::format, output(settings),
                settings.flushInterval(), settings.capacity(), dropped::increment) : null;
    }

    void register(@Observes Filters filters) {
        if (writer != null) {
            filters.register(this::record, PRIORITY);
        }
    }

    void record(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addEndHandler(ended -> writer.offer(entryOf(rc, start)));
        rc.next();
    }

    private static AccessLogEntry entryOf(RoutingContext rc, long startNanos) {
        HttpServerRequest request = rc.request();
        SocketAddress remote = request.remoteAddress();
        return new AccessLogEntry(System.currentTimeMillis(), Thread.currentThread().getName(),
                remote == null ? "-" : remote.host(), request.method().name(), request.uri(),
                switch (request.version()) {
                    case HTTP_1_0 -> "HTTP/1.0";
                    case HTTP_1_1 -> "HTTP/1.1";
                    case HTTP_2 -> "HTTP/2";
                }, rc.response().getStatusCode(), rc.response().bytesWritten(),
                (System.nanoTime() - startNanos) / 1000, request.getHeader(RequestIds.HEADER));
    }

    private static OutputStream output(GatewayConfig.AccessLog settings) {
        if (settings.file().isEmpty()) {
            return new FileOutputStream(FileDescriptor.out);
        }
        try {
            return Files.newOutputStream(settings.file().get(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the access log " + settings.file().get(), e);
        }
    }

    @PreDestroy
    void close() {
        if (writer != null) {
            writer.close();
        }
    }
}

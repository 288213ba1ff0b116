package cn.hkmo.gateway.logging;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The access log's line: {@code 10.0.3.7 "GET /api/v1/halls?city=110000 HTTP/1.1" 200 5321 3ms rid=...}, as text in the
 * console's pattern, or as one JSON object per line where the console logs JSON (production), with the same line as
 * its {@code message} and the fields on their own.
 */
public final class AccessLogFormat {

    /** The logger name both formats give, so the records are found as before ({@code [io.qu.ht.access-log]}). */
    static final String LOGGER = "io.quarkus.http.access-log";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final boolean json;
    private final ZoneId zone;

    public AccessLogFormat(boolean json, ZoneId zone) {
        this.json = json;
        this.zone = zone;
    }

    public String format(AccessLogEntry e) {
        return json ? json(e) : text(e);
    }

    /** The line itself: client, request line, status, bytes ({@code -} for none), duration, request id. */
    static String line(AccessLogEntry e) {
        return e.remoteHost() + " \"" + e.method() + ' ' + e.uri() + ' ' + e.version() + "\" " + e.status() + ' '
                + (e.bytesSent() == 0 ? "-" : Long.toString(e.bytesSent())) + ' ' + e.micros() / 1000 + "ms rid="
                + (e.requestId() == null ? "-" : e.requestId());
    }

    // quarkus.log.console.format: %d{HH:mm:ss.SSS} %-5p [%c{2.}] (%t) [%X{requestId}] %s%e%n
    private String text(AccessLogEntry e) {
        return TIME.format(Instant.ofEpochMilli(e.endMillis()).atZone(zone)) + " INFO  [io.qu.ht.access-log] ("
                + e.thread() + ") [" + (e.requestId() == null ? "" : e.requestId()) + "] " + line(e);
    }

    // The keys of quarkus-logging-json's records that a log pipeline reads, and the line's fields.
    private String json(AccessLogEntry e) {
        return "{\"timestamp\":\"" + TIMESTAMP.format(Instant.ofEpochMilli(e.endMillis()).atZone(zone))
                + "\",\"loggerName\":\"" + LOGGER + "\",\"level\":\"INFO\",\"message\":" + quoted(line(e))
                + ",\"threadName\":" + quoted(e.thread())
                + ",\"mdc\":{" + (e.requestId() == null ? "" : "\"requestId\":" + quoted(e.requestId())) + '}'
                + ",\"remoteHost\":" + quoted(e.remoteHost()) + ",\"method\":" + quoted(e.method())
                + ",\"uri\":" + quoted(e.uri()) + ",\"status\":" + e.status() + ",\"bytesSent\":" + e.bytesSent()
                + ",\"durationMicros\":" + e.micros() + '}';
    }

    private static String quoted(String value) {
        return value == null ? "null" : '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
    }
}

package cn.hkmo.gateway.problem;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import cn.hkmo.gateway.logging.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.LanguageHeader;
import io.vertx.ext.web.RoutingContext;

/** Builds {@code application/problem+json} bodies (RFC 9457) in the caller's language. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    // Without this, a JVM running in en_US would answer zh-CN callers from problems_en.
    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control
            .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Problems() {
    }

    /**
     * Sends the problem and, on HTTP/1, closes the connection once it is written: the request's body is left unread,
     * and Vert.x keeps a connection open despite a {@code Connection: close} response header. HTTP/2 ends the stream.
     */
    public static void sendAndClose(RoutingContext rc, GatewayError error, Object... args) {
        if (rc.request().version() == HttpVersion.HTTP_2) {
            send(rc, error, args);
            return;
        }
        rc.response().putHeader("Connection", "close");
        send(rc, error, args).onComplete(written -> rc.request().connection().close());
    }

    /**
     * Sends the problem as the whole response; the caller adds headers such as Retry-After before. Completes when
     * the response is written.
     */
    public static Future<Void> send(RoutingContext rc, GatewayError error, Object... args) {
        if (rc.response().ended()) {
            return Future.succeededFuture();
        }
        return rc.response()
                .setStatusCode(error.status())
                .putHeader("Content-Type", CONTENT_TYPE)
                .end(body(rc, error, args));
    }

    public static Buffer body(RoutingContext rc, GatewayError error, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("problems", locale(rc), NO_FALLBACK);
        JsonObject problem = new JsonObject()
                .put("type", error.type())
                .put("title", bundle.getString(error.name() + ".title"))
                .put("status", error.status())
                .put("detail", MessageFormat.format(bundle.getString(error.name() + ".detail"), args))
                .put("instance", rc.request().path())
                .put("code", error.name())
                .put("requestId", RequestIds.of(rc));
        return problem.toBuffer();
    }

    /** The error's title in {@code locale} (the OpenAPI document's are in English). */
    public static String title(GatewayError error, Locale locale) {
        return ResourceBundle.getBundle("problems", locale, NO_FALLBACK).getString(error.name() + ".title");
    }

    /** A service's name for people ("预约服务"), or its configured key when the bundle has none. */
    public static String serviceName(RoutingContext rc, String service) {
        ResourceBundle bundle = ResourceBundle.getBundle("problems", locale(rc), NO_FALLBACK);
        String key = "SERVICE." + service;
        return bundle.containsKey(key) ? bundle.getString(key) : service;
    }

    /** zh-CN unless the caller prefers English over Chinese. */
    static Locale locale(RoutingContext rc) {
        for (LanguageHeader language : rc.acceptableLanguages()) {
            String tag = language.tag().toLowerCase(Locale.ROOT);
            if (tag.equals("en")) {
                return Locale.ENGLISH;
            }
            if (tag.equals("zh")) {
                return ZH_CN;
            }
        }
        return ZH_CN;
    }
}

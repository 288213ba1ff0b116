package cn.hkmo.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.impl.ContextInternal;

/**
 * The HTTP clients the gateway proxies with: one per event loop, so a request is sent upstream on a connection of the
 * event loop that received it.
 *
 * <p>Why not one client: Vert.x's pool hands any idle connection to any caller, and a connection lives on the event
 * loop that opened it. With one client, most requests were written on another loop than their own and their answers
 * came back across again, each crossing a task queue and a wake-up: 30% of the gateway's CPU proxying a read ran as
 * such tasks (async-profiler, 2026-12-06). Each loop's client opens its own connections, so the pool bounds
 * connections per event loop.
 */
final class UpstreamClients {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final Map<EventLoop, HttpClient> byEventLoop = new ConcurrentHashMap<>();

    UpstreamClients(Vertx vertx, HttpClientOptions options) {
        this.vertx = vertx;
        this.options = options;
    }

    /** The client of the calling event loop; called from a request's handler, on that loop. */
    HttpClient current() {
        ContextInternal context = (ContextInternal) Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("not on a Vert.x context");
        }
        return byEventLoop.computeIfAbsent(context.nettyEventLoop(), loop -> vertx.createHttpClient(options));
    }

    /** How many event loops have a client (for tests). */
    int size() {
        return byEventLoop.size();
    }
}

package cn.hkmo.gateway.routing;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import cn.hkmo.gateway.problem.GatewayError;
import cn.hkmo.gateway.problem.Problems;
import cn.hkmo.gateway.routing.RouteTable.Route;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * One proxied request: picks the origin, forwards the normalised path and the forwarding headers, and turns
 * upstream failures into problem+json (the proxy itself would answer a bare 502).
 */
final class UpstreamExchange implements OriginRequestProvider, ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamExchange.class);

    private final RoutingContext rc;
    private final Route route;
    private final long maxBodySize;
    private final Runnable onClientError;
    private boolean connected;
    private boolean retried;
    private LimitedReadStream limitedBody;

    /** @param onClientError run when the service answers 4xx (a refused payment callback is charged to its sender) */
    UpstreamExchange(RoutingContext rc, Route route, long maxBodySize, Runnable onClientError) {
        this.rc = rc;
        this.route = route;
        this.maxBodySize = maxBodySize;
        this.onClientError = onClientError;
    }

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        connected = false;
        RequestOptions options = Origins.to(route.upstream().url())
                .setConnectTimeout(route.upstream().connectTimeout().toMillis())
                // Idle, not total: a slow but streaming download is fine, silence is not.
                .setIdleTimeout(route.upstream().timeout().toMillis());
        return context.client().request(options).onSuccess(request -> connected = true);
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        // The path that was authorised is the path that is forwarded (no "..", no double slashes).
        String query = rc.request().query();
        request.setURI(query == null ? rc.normalizedPath() : rc.normalizedPath() + "?" + query);
        request.headers().add("X-Forwarded-For", GatewayRouter.clientAddress(rc));
        request.headers().set("X-Forwarded-Proto", rc.request().scheme());
        request.headers().set("X-Forwarded-Host", rc.request().authority() == null ? "" : rc.request().authority().toString());
        Body body = request.getBody();
        if (bodilessRead()) {
            // Sent and ended at once. Piped, its end would come from the client's request, and a client that left at
            // the wrong moment never sends it: the service waited for the rest of the request until the idle timeout,
            // holding a pooled connection all that while.
            request.setBody(null);
        } else if (body != null && body.length() < 0) {
            limitedBody = new LimitedReadStream(body.stream(), maxBodySize);
            request.setBody(Body.body(limitedBody, -1));
        }
        return context.sendRequest()
                .recover(failure -> retryable(failure) ? resend(context) : Future.failedFuture(failure))
                .recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    /**
     * Whether the request may go again on another connection, once. Vert.x closes a pooled HTTP/1.1 connection when a
     * request that used it is reset after its answer arrived (the proxy resets when that request's client leaves), and
     * the request the pool had just given the connection to fails with it: another client's. It is sent again when
     * nothing was sent yet, or when it is a read without a body; never when its client is the one that left.
     */
    private boolean retryable(Throwable failure) {
        return failure instanceof HttpClosedException && !rc.response().closed() && !retried
                && (!connected || bodilessRead());
    }

    private Future<ProxyResponse> resend(ProxyContext context) {
        retried = true;
        return create(context).compose(fresh -> context.request().send(fresh));
    }

    /** A GET or HEAD without a body: on HTTP/1.x a request has one only if it says so in its headers. */
    private boolean bodilessRead() {
        HttpServerRequest edge = rc.request();
        return (edge.method() == HttpMethod.GET || edge.method() == HttpMethod.HEAD)
                && edge.version() != HttpVersion.HTTP_2
                && !edge.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && !edge.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        int status = context.response().getStatusCode();
        if (status >= 400 && status < 500) {
            onClientError.run();
        }
        // The edge owns CORS; a service's own CORS headers would duplicate or contradict it.
        MultiMap headers = context.response().headers();
        headers.names().stream()
                .filter(name -> name.regionMatches(true, 0, "Access-Control-", 0, 15))
                .toList()
                .forEach(headers::remove);
        return context.sendResponse();
    }

    private ProxyResponse problem(ProxyContext context, Throwable failure) {
        GatewayError error = classify(failure);
        if (error == GatewayError.PAYLOAD_TOO_LARGE) {
            rc.response().putHeader("Connection", "close");
        } else {
            LOG.warnf("%s %s -> %s: %s (%s)", rc.request().method(), rc.normalizedPath(), route.service(), error,
                    failure.toString());
        }
        String argument = error == GatewayError.PAYLOAD_TOO_LARGE
                ? Long.toString(maxBodySize)
                : Problems.serviceName(rc, route.service());
        return context.request().release().response()
                .setStatusCode(error.status())
                .putHeader("Content-Type", Problems.CONTENT_TYPE)
                .setBody(Body.body(Problems.body(rc, error, argument)));
    }

    private GatewayError classify(Throwable failure) {
        if (limitedBody != null && limitedBody.exceeded()) {
            return GatewayError.PAYLOAD_TOO_LARGE;
        }
        if (!connected || failure instanceof ConnectException) {
            return GatewayError.UPSTREAM_UNAVAILABLE;
        }
        return failure instanceof TimeoutException ? GatewayError.UPSTREAM_TIMEOUT : GatewayError.UPSTREAM_ERROR;
    }
}

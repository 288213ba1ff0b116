package cn.hkmo.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.openapi.OpenApiMerger.ServiceDocument;
import cn.hkmo.gateway.routing.Origins;
import cn.hkmo.gateway.routing.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the merged public document at {@code /q/openapi} (the gateway's own build-time document is moved
 * aside). Each service's document is fetched at request time and reused for a short while; a service that
 * is down is marked missing instead of failing the whole document.
 */
@ApplicationScoped
public class OpenApiDocuments {

    private static final Logger LOG = Logger.getLogger(OpenApiDocuments.class);

    private static final long MISSING_RETRY_MILLIS = 5_000;

    private record Cached(Optional<JsonObject> document, long fetchedAtMillis) {
    }

    private final GatewayConfig config;
    private final RouteTable routes;
    private final EdgeProblems edgeProblems;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private HttpClient client;

    OpenApiDocuments(GatewayConfig config, RouteTable routes, EdgeProblems edgeProblems) {
        this.config = config;
        this.routes = routes;
        this.edgeProblems = edgeProblems;
    }

    void install(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient();
        router.get("/q/openapi").handler(this::serve);
    }

    void serve(RoutingContext rc) {
        merged().onSuccess(document -> rc.response()
                .putHeader("Content-Type", "application/json")
                // JSON is valid YAML, so ?format=yaml clients read it as well.
                .end(document.encodePrettily()))
                .onFailure(rc::fail);
    }

    public Future<JsonObject> merged() {
        List<String> services = new ArrayList<>(config.services().keySet());
        List<Future<ServiceDocument>> documents = new ArrayList<>();
        for (String service : services) {
            documents.add(document(service).map(found -> new ServiceDocument(service,
                    path -> routes.resolve(path).map(route -> route.service().equals(service)).orElse(false), found)));
        }
        return Future.join(documents).map(all -> {
            List<ServiceDocument> fetched = new ArrayList<>();
            documents.forEach(future -> fetched.add(future.result()));
            return OpenApiMerger.merge(fetched, config.openapi().openIdConnectUrl(), edgeProblems::of);
        });
    }

    private Future<Optional<JsonObject>> document(String service) {
        Cached cached = cache.get(service);
        // A missing document is retried sooner, so a service that just started shows up quickly.
        long ttl = cached == null ? 0
                : cached.document().isPresent() ? config.openapi().cacheTtl().toMillis() : MISSING_RETRY_MILLIS;
        if (cached != null && System.currentTimeMillis() - cached.fetchedAtMillis() < ttl) {
            return Future.succeededFuture(cached.document());
        }
        return fetch(service)
                .map(Optional::of)
                .recover(failure -> {
                    LOG.infof("OpenAPI document of %s unavailable: %s", service, failure.toString());
                    return Future.succeededFuture(Optional.empty());
                })
                .onSuccess(document -> cache.put(service, new Cached(document, System.currentTimeMillis())));
    }

    private Future<JsonObject> fetch(String service) {
        long timeout = config.openapi().fetchTimeout().toMillis();
        RequestOptions options = Origins.to(config.services().get(service).url())
                .setMethod(HttpMethod.GET)
                .setURI("/q/openapi?format=json")
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout)
                .putHeader("Accept", "application/json");
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().compose(body -> response.statusCode() == 200
                        ? Future.succeededFuture(new JsonObject(body))
                        : Future.failedFuture("HTTP " + response.statusCode())));
    }
}

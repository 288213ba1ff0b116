package cn.hkmo.gateway.health;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.routing.Origins;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Reports whether each service answers its readiness probe, for operators. Always UP: a gateway that takes
 * itself out of the load balancer because one service is down would cut off the other three as well.
 */
@Readiness
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    private static final long PROBE_TIMEOUT_MILLIS = 1_000;

    private final GatewayConfig config;
    private final HttpClient client;

    UpstreamsReadiness(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<Map.Entry<String, String>>> probes = new ArrayList<>();
        config.services().forEach((service, upstream) -> probes.add(probe(upstream.managementUrl())
                .map(state -> Map.entry(service, state))));
        Future<HealthCheckResponse> response = Future.join(probes).transform(done -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstream services (informational)").up();
            probes.forEach(probe -> builder.withData(probe.result().getKey(), probe.result().getValue()));
            return Future.succeededFuture(builder.build());
        });
        return Uni.createFrom().completionStage(response.toCompletionStage());
    }

    private Future<String> probe(URI url) {
        RequestOptions options = Origins.to(url)
                .setMethod(HttpMethod.GET)
                .setURI("/q/health/ready")
                .setConnectTimeout(PROBE_TIMEOUT_MILLIS)
                .setIdleTimeout(PROBE_TIMEOUT_MILLIS);
        return client.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode() == 200
                        ? "UP"
                        : "DOWN (HTTP " + response.statusCode() + ")"))
                .otherwise(failure -> "UNREACHABLE");
    }
}

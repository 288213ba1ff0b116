package cn.hkmo.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import cn.hkmo.platform.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Real HTTP servers standing in for the services: two that echo what they receive (with the status asked for in
 * {@code ?status=}, 200 otherwise, and serve an OpenAPI document; the first request with a given {@code ?dropFirst=}
 * has its connection closed unanswered, as a pooled connection that closes under a request), one that never answers
 * an API call, and a port where nothing listens.
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    /** Asked for over HTTP, as the test may see this class through another class loader. */
    static final String RECEIVED_PATH = "/_received";

    private final ConcurrentLinkedQueue<JsonObject> received = new ConcurrentLinkedQueue<>();
    private final Set<String> dropped = ConcurrentHashMap.newKeySet();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int appointment = listen(echo("appointment", appointmentDocument()));
        int eligibilityAndFee = listen(echo("eligibility", eligibilityDocument()));
        int silent = listen(request -> {
            if (request.path().startsWith("/q/")) {
                request.response().setStatusCode(404).end();
            } // API calls are left unanswered on purpose.
        });
        int closed = Ports.free();
        return Map.ofEntries(
                Map.entry("hkmo.gateway.services.appointment.url", "http://localhost:" + appointment),
                Map.entry("hkmo.gateway.services.eligibility.url", "http://localhost:" + eligibilityAndFee),
                Map.entry("hkmo.gateway.services.fee.url", "http://localhost:" + eligibilityAndFee),
                Map.entry("hkmo.gateway.services.issuance.url", "http://localhost:" + closed),
                Map.entry("hkmo.gateway.services.slow.url", "http://localhost:" + silent),
                // the echo servers answer their readiness on the API port
                Map.entry("hkmo.gateway.services.appointment.management-url", "http://localhost:" + appointment),
                Map.entry("hkmo.gateway.services.eligibility.management-url", "http://localhost:" + eligibilityAndFee),
                Map.entry("hkmo.gateway.services.fee.management-url", "http://localhost:" + eligibilityAndFee),
                Map.entry("hkmo.gateway.services.issuance.management-url", "http://localhost:" + closed),
                Map.entry("hkmo.gateway.services.slow.management-url", "http://localhost:" + silent),
                Map.entry("hkmo.gateway.services.slow.paths", "/api/v1/slow"),
                Map.entry("hkmo.gateway.services.slow.timeout", "1s"));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    private io.vertx.core.Handler<HttpServerRequest> echo(String service, JsonObject openapi) {
        return request -> {
            if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(openapi.encode());
                return;
            }
            if (request.path().equals(RECEIVED_PATH)) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonArray(List.copyOf(received)).encode());
                return;
            }
            request.body().onSuccess(body -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
                JsonObject seen = new JsonObject()
                        .put("service", service)
                        .put("method", request.method().name())
                        .put("uri", request.uri())
                        .put("headers", headers)
                        .put("bodyLength", body.length());
                received.add(seen);
                String dropFirst = request.getParam("dropFirst");
                if (dropFirst != null && dropped.add(dropFirst)) {
                    request.connection().close();
                    return;
                }
                String status = request.getParam("status"); // a test asks for the service's answer
                request.response()
                        .setStatusCode(status == null ? 200 : Integer.parseInt(status))
                        .putHeader("Content-Type", "application/json")
                        // A service's own CORS header must not leak through the edge.
                        .putHeader("Access-Control-Allow-Origin", "*")
                        .end(seen.encode());
            });
        };
    }

    private int listen(io.vertx.core.Handler<HttpServerRequest> handler) {
        // The services' HTTP limits (Quarkus defaults): a request line of 4096 bytes, 20 KB of headers.
        HttpServerOptions options = new HttpServerOptions().setMaxInitialLineLength(4096).setMaxHeaderSize(20 * 1024);
        HttpServer server = vertx.createHttpServer(options).requestHandler(handler);
        return server.listen(0).toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join()
                .actualPort();
    }

    private static JsonObject appointmentDocument() {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "appointment-service").put("version", "1"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", "Halls")))
                .put("paths", new JsonObject()
                        .put("/api/v1/halls", new JsonObject().put("get", new JsonObject()
                                .put("tags", new JsonArray().add("Halls"))
                                .put("responses", new JsonObject().put("200", new JsonObject()
                                        .put("description", "halls")))))
                        .put("/api/v1/bookings", new JsonObject().put("post", new JsonObject()
                                .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme",
                                        new JsonArray().add("citizen"))))
                                .put("responses", new JsonObject().put("201", new JsonObject()
                                        .put("description", "booked")))))
                        .put("/q/health", new JsonObject().put("get", new JsonObject())))
                .put("components", new JsonObject()
                        .put("securitySchemes", new JsonObject().put("SecurityScheme", new JsonObject()
                                .put("type", "http").put("scheme", "bearer"))));
    }

    private static JsonObject eligibilityDocument() {
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "eligibility-service").put("version", "1"))
                .put("paths", new JsonObject()
                        .put("/api/v1/eligibility/assessments", new JsonObject().put("post", new JsonObject()
                                .put("responses", new JsonObject().put("200", new JsonObject()
                                        .put("description", "assessment"))))));
    }

}

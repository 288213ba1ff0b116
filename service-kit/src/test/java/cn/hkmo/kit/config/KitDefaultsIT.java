package cn.hkmo.kit.config;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** What a service gets from the kit's defaults without configuring anything. */
@QuarkusTest
class KitDefaultsIT {

    @Inject
    Clock clock;

    @Inject
    Vertx vertx;

    /** Resolves to the management interface's root path ({@code /q/}); the tests use its origin. */
    @TestHTTPResource(value = "/", management = true)
    URI management;

    /** ADR 0015: on Linux a service's HTTP runs on Netty's epoll transport, not on the NIO Vert.x falls back to. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void vertxRunsOnTheNativeEpollTransport() {
        assertThat(vertx.isNativeTransportEnabled())
                .as("native transport; unavailable because %s", vertx.unavailableNativeTransportCause()).isTrue();
    }

    @Test
    void readinessCoversTheDatabaseAndKafka() {
        given().baseUri("http://" + management.getAuthority()).get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void openApiDeclaresTheBearerScheme() {
        given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        given().baseUri("http://" + management.getAuthority()).get("/q/metrics").then().statusCode(200)
                .body(containsString("hkmo_outbox_backlog"));
    }

    @Test
    void healthAndMetricsStayOffTheApiPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void theClockIsInTheBusinessZone() {
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }
}

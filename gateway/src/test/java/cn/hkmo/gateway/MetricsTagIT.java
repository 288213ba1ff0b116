package cn.hkmo.gateway;

import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What an attacker did to /q/metrics: other citizens' numbers in the uri tags, and junk paths filling the tag cap. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
@QuarkusTestResource(FakeUpstreams.class)
class MetricsTagIT {

    private static final Pattern URI_TAG = Pattern.compile("uri=\"([^\"]*)\"");

    /** Resolves to the management interface's root path ({@code /q/}). */
    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Test
    void request_metrics_name_routes_not_booking_numbers_and_junk_paths_add_no_tags() {
        given().get("/api/v1/bookings/YY2612049999.ics").then().statusCode(401);
        given().post("/api/v1/bookings/YY2612049999/cancel").then().statusCode(401);
        for (int i = 0; i < 130; i++) {
            given().get("/api/v1/bookings/JUNK" + i).then().statusCode(401);
        }
        given().get("/api/v9/nothing/here").then().statusCode(404);
        given().get("/api/v1/halls?m=metrics").then().statusCode(200);

        String metrics = given().baseUri("http://" + management.getAuthority()).get("/q/metrics").then().statusCode(200).extract().asString();
        var uris = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count"))
                .map(URI_TAG::matcher).filter(Matcher::find).map(m -> m.group(1)).collect(Collectors.toSet());
        assertThat(uris).contains("/api/v1/bookings/**", "/api/v1/halls", "/api/{unrouted}")
                .noneMatch(uri -> uri.contains("YY2612049999") || uri.contains("JUNK"));
    }
}

package cn.hkmo.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.hkmo.gateway.openapi.OpenApiMerger.ServiceDocument;
import io.vertx.core.json.JsonObject;

class OpenApiMergerTest {

    private static final String FEE = """
            {"openapi":"3.1.0","paths":{
              "/api/v1/fees/quotes":{"post":{"responses":{"200":{"content":{"application/json":
                {"schema":{"$ref":"#/components/schemas/Quote"}}}},
                "400":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
              "/api/v1/halls":{"get":{}}},
             "components":{"schemas":{
               "Quote":{"type":"object","properties":{"problem":{"$ref":"#/components/schemas/Problem"}}},
               "Problem":{"type":"object","properties":{"code":{"type":"string"}}}}}}
            """;
    private static final String APPOINTMENT = """
            {"openapi":"3.1.0","paths":{
              "/api/v1/halls":{"get":{"security":[{},{"jwt":["citizen"]}],"responses":{"400":{"content":{
                "application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{"Problem":{"type":"object","properties":{"slot":{"type":"string"}}}},
               "securitySchemes":{"jwt":{"type":"http","scheme":"bearer"}}}}
            """;

    @Test
    void sameNameDifferentSchemaIsKeptApartAndReferencesFollow() {
        JsonObject merged = merge(Optional.of(new JsonObject(APPOINTMENT)), Optional.of(new JsonObject(FEE)));

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("Problem", "fee_Problem", "Quote");
        assertThat(schemas.getJsonObject("Problem").encode()).contains("slot");
        assertThat(schemas.getJsonObject("Quote").encode()).contains("#/components/schemas/fee_Problem");
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/fees/quotes").encode())
                .contains("#/components/schemas/fee_Problem");
    }

    /** Two services' Page<Problem> read the same until one's Problem is renamed: then the pages are kept apart too. */
    @Test
    void aComponentThatReadsTheSameOnlyUntilWhatItRefersToIsRenamedIsKeptApartToo() {
        String page = "\"PageProblem\":{\"type\":\"object\",\"properties\":{\"items\":{\"type\":\"array\","
                + "\"items\":{\"$ref\":\"#/components/schemas/Problem\"}}}}";
        JsonObject appointment = new JsonObject(APPOINTMENT.replace("\"components\":{\"schemas\":{", "\"components\":{\"schemas\":{" + page + ","));
        JsonObject fee = new JsonObject(FEE.replace("\"components\":{\"schemas\":{", "\"components\":{\"schemas\":{" + page + ",")
                .replace("{\"schema\":{\"$ref\":\"#/components/schemas/Quote\"}}", "{\"schema\":{\"$ref\":\"#/components/schemas/PageProblem\"}}"));

        JsonObject merged = merge(Optional.of(appointment), Optional.of(fee));

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).contains("PageProblem", "fee_PageProblem", "fee_Problem");
        assertThat(schemas.getJsonObject("fee_PageProblem").encode()).contains("#/components/schemas/fee_Problem");
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/fees/quotes").encode())
                .contains("#/components/schemas/fee_PageProblem");
    }

    @Test
    void onlyOwnedPathsAreTakenAndSecurityPointsToTheGatewayScheme() {
        JsonObject merged = merge(Optional.of(new JsonObject(APPOINTMENT)), Optional.of(new JsonObject(FEE)));

        // The fee document also lists /api/v1/halls, which the gateway routes to the appointment service.
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/halls").encode()).contains("citizen");
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/halls").getJsonObject("get")
                .getJsonArray("security").encode()).isEqualTo("[{},{\"oidc\":[\"citizen\"]}]");
        assertThat(merged.getJsonObject("components").getJsonObject("securitySchemes").fieldNames())
                .containsExactly("oidc");
    }

    @Test
    void aServiceWithoutDocumentIsMarkedMissing() {
        JsonObject merged = merge(Optional.of(new JsonObject(APPOINTMENT)), Optional.empty());

        assertThat(merged.getJsonObject("info").getJsonObject("x-hkmo-services").getMap())
                .containsEntry("appointment", "ok").containsEntry("fee", "missing");
        assertThat(merged.getJsonObject("paths").fieldNames()).containsExactly("/api/v1/halls");
    }

    private static JsonObject merge(Optional<JsonObject> appointment, Optional<JsonObject> fee) {
        return OpenApiMerger.merge(List.of(
                new ServiceDocument("appointment", path -> path.startsWith("/api/v1/halls"), appointment),
                new ServiceDocument("fee", path -> path.startsWith("/api/v1/fees"), fee)),
                Optional.of("http://localhost:8180/realms/hkmo/.well-known/openid-configuration"), (method, path) -> List.of());
    }

    /** An operation as the kit's filter declares it: a 401 of the service's, nothing at 429. */
    private static final String DECLARED = """
            {"openapi":"3.1.0","paths":{"/api/v1/bookings":{"get":{"responses":{"401":{"description":"UNAUTHENTICATED: No token",
              "x-error-codes":["UNAUTHENTICATED"],"content":{"application/problem+json":{"schema":{"allOf":[
                {"$ref":"#/components/schemas/Problem"},
                {"type":"object","properties":{"code":{"type":"string","enum":["UNAUTHENTICATED"]}}}]}}}}}}}}}
            """;

    @Test
    void theGatewaysOwnProblemsJoinTheServicesAnswersOrBecomeAnswersOfTheirOwn() {
        JsonObject merged = OpenApiMerger.merge(List.of(new ServiceDocument("appointment", path -> true,
                        Optional.of(new JsonObject(DECLARED)))), Optional.empty(),
                (method, path) -> List.of(new OpenApiMerger.EdgeProblem("UNAUTHENTICATED", 401, "Authentication required"),
                        new OpenApiMerger.EdgeProblem("INVALID_TOKEN", 401, "Invalid access token"),
                        new OpenApiMerger.EdgeProblem("RATE_LIMITED", 429, "Too many requests")));

        JsonObject responses = merged.getJsonObject("paths").getJsonObject("/api/v1/bookings").getJsonObject("get")
                .getJsonObject("responses");
        JsonObject unauthorized = responses.getJsonObject("401");
        assertThat(unauthorized.getJsonArray(OpenApiMerger.CODES_EXTENSION).getList())
                .containsExactly("UNAUTHENTICATED", "INVALID_TOKEN");
        assertThat(unauthorized.getString("description"))
                .isEqualTo("UNAUTHENTICATED: No token; INVALID_TOKEN: Invalid access token");
        assertThat(unauthorized.encode()).contains("\"enum\":[\"UNAUTHENTICATED\",\"INVALID_TOKEN\"]");
        JsonObject limited = responses.getJsonObject("429");
        assertThat(limited.getJsonArray(OpenApiMerger.CODES_EXTENSION).getList()).containsExactly("RATE_LIMITED");
        JsonObject media = limited.getJsonObject("content").getJsonObject("application/problem+json");
        assertThat(media.getJsonObject("schema").encode()).contains("#/components/schemas/Problem", "RATE_LIMITED");
        assertThat(media.getJsonObject("example").getString("type")).isEqualTo("https://hkmo.cn/problems/rate-limited");
        assertThat(media.getJsonObject("example").getString("instance")).isEqualTo("/api/v1/bookings");
    }
}

package cn.hkmo.kit.problem.openapi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The kit's filter on a real build: the test endpoints' documented problem answers. */
@QuarkusTest
class ProblemResponsesFilterIT {

    private static JsonPath document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> answer(JsonPath doc, String path, String method, int status) {
        return doc.getMap("paths.'" + path + "'." + method + ".responses.'" + status + "'");
    }

    @Test
    void aDeclaredCodeIsAnsweredUnderItsEnumsStatusWithTheProblemSchemaAndAnExample() {
        JsonPath doc = document();
        Map<String, Object> full = answer(doc, "/test/slots/full", "get", 409);
        assertThat(full.get(ProblemResponsesFilter.CODES_EXTENSION)).isEqualTo(List.of("SLOT_FULL"));
        assertThat(full.get("description")).isEqualTo("SLOT_FULL: Slot full");
        String media = "paths.'/test/slots/full'.get.responses.'409'.content.'application/problem+json'";
        assertThat(doc.getString(media + ".schema.allOf[0].$ref")).isEqualTo("#/components/schemas/Problem");
        assertThat(doc.getList(media + ".schema.allOf[1].properties.code.enum")).containsExactly("SLOT_FULL");
        assertThat(doc.getMap(media + ".example")).containsEntry("code", "SLOT_FULL").containsEntry("status", 409)
                .containsEntry("type", "https://hkmo.cn/problems/slot-full").containsEntry("instance", "/test/slots/full");
        assertThat(doc.getList("components.schemas.Problem.required")).contains("code", "status");
    }

    @Test
    void aBodyBringsValidationAndMediaTypeAndASecuredOperationItsTokenAnswers() {
        JsonPath doc = document();
        assertThat(answer(doc, "/test/bookings", "post", 400).get(ProblemResponsesFilter.CODES_EXTENSION))
                .isEqualTo(List.of("PEOPLE_TOO_MANY", "VALIDATION_FAILED", "MALFORMED_REQUEST"));
        assertThat(answer(doc, "/test/bookings", "post", 415)).isNotNull();
        assertThat(answer(doc, "/test/bookings", "post", 401)).isNull();
        assertThat(answer(doc, "/test/officers-only", "get", 401).get(ProblemResponsesFilter.CODES_EXTENSION))
                .isEqualTo(List.of("UNAUTHENTICATED", "DELEGATION_REVOKED"));
        assertThat(answer(doc, "/test/officers-only", "get", 403).get("description")).asString().startsWith("FORBIDDEN: ");
        // each secured operation its own answers (Quarkus shares one 403 between them): the verified citizen's adds its code
        assertThat(answer(doc, "/test/me/verified", "get", 403).get(ProblemResponsesFilter.CODES_EXTENSION))
                .isEqualTo(List.of("IDENTITY_NOT_VERIFIED", "FORBIDDEN"));
        assertThat(answer(doc, "/test/officers-only", "get", 403).get(ProblemResponsesFilter.CODES_EXTENSION))
                .isEqualTo(List.of("FORBIDDEN"));
        for (int status : new int[] {500, 503}) {
            assertThat(answer(doc, "/test/boom", "get", status)).isNotNull();
        }
    }
}

package cn.hkmo.kit.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ProblemDetailsIT {

    @Test
    void aServiceErrorInChineseByDefault() {
        given().get("/test/slots/full").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("https://hkmo.cn/problems/slot-full"))
                .body("title", equalTo("号源已满"))
                .body("status", equalTo(409))
                .body("detail", equalTo("北京朝阳 2026-12-01 的号源已约满，请选择其他时段。"))
                .body("instance", equalTo("/test/slots/full"))
                .body("code", equalTo("SLOT_FULL"))
                .body("requestId", notNullValue());
    }

    @Test
    void aServiceErrorInEnglishWithTheCallersRequestId() {
        given().header("Accept-Language", "en-US,en;q=0.9").header("X-Request-Id", "request-42")
                .get("/test/slots/full").then()
                .statusCode(409)
                .header("X-Request-Id", "request-42")
                .body("title", equalTo("Slot full"))
                .body("detail", equalTo("All places at 北京朝阳 on 2026-12-01 are booked; choose another time."))
                .body("requestId", equalTo("request-42"));
    }

    @Test
    void everyIdTheGatewayKeepsIsKeptHereSoTheLogsJoinOnIt() {
        String longest = "gw-" + "a".repeat(125); // the gateway keeps up to 128 characters
        given().header("X-Request-Id", longest).get("/test/slots/full").then()
                .statusCode(409).header("X-Request-Id", longest).body("requestId", equalTo(longest));
    }

    @Test
    void textTheDatabaseRefusesIsBadInputNotAServerError() {
        given().queryParam("text", "张伟").get("/test/stored-text").then().statusCode(200).body(equalTo("张伟"));

        given().queryParam("text", "a\u0000b").get("/test/stored-text")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void beanValidationGivesFieldViolations() {
        Response zh = given().contentType(ContentType.JSON).body("{\"hallId\": \" \", \"people\": 0}")
                .post("/test/bookings");
        zh.then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("title", equalTo("请求参数有误"))
                .body("violations.field", hasItem("hallId"))
                .body("violations.field", hasItem("people"))
                .body("violations.find { it.field == 'hallId' }.code", equalTo("NOT_BLANK"))
                .body("violations.find { it.field == 'people' }.code", equalTo("MIN"));

        Response en = given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"hallId\": \" \", \"people\": 0}").post("/test/bookings");
        en.then().statusCode(400)
                .body("title", equalTo("Invalid request"))
                .body("violations.find { it.field == 'hallId' }.message", equalTo("must not be blank"));
        assertThat(zh.path("violations.find { it.field == 'hallId' }.message").toString())
                .isNotEqualTo("must not be blank");
    }

    @Test
    void aProblemExceptionCarriesItsOwnViolations() {
        given().contentType(ContentType.JSON).body("{\"hallId\": \"BJ-CHAOYANG\", \"people\": 4}")
                .post("/test/bookings").then()
                .statusCode(400)
                .body("code", equalTo("PEOPLE_TOO_MANY"))
                .body("detail", equalTo("一次最多预约 3 人。"))
                .body("violations[0].field", equalTo("people"))
                .body("violations[0].code", equalTo("PEOPLE_TOO_MANY"))
                .body("violations[0].message", equalTo("一次最多预约 3 人。"));
    }

    @Test
    void aValueJacksonCannotReadNamesItsFieldAndWhatTheFieldAccepts() {
        given().contentType(ContentType.JSON).body("{\"hallId\": \"BJ\", \"people\": 1, \"collection\": \"DRONE\"}")
                .post("/test/bookings").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("collection"))
                .body("violations[0].code", equalTo("NOT_ONE_OF"))
                .body("violations[0].message", equalTo("不是可选的值，可选：HALL, EMS。"));
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body("{\"hallId\": \"BJ\", \"people\": \"many\"}").post("/test/bookings")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("people"))
                .body("violations[0].code", equalTo("INVALID_FORMAT"))
                .body("violations[0].message", equalTo("Wrong format; expected a whole number."));
    }

    @Test
    void aParameterNotOfItsTypeIsNamedWithWhatItAccepts() {
        String id = "7d0b5a8e-3f0e-4d3a-9c56-0d2f8a1b2c3d";
        given().queryParam("collection", "EMS").queryParam("from", "2026-12-01").get("/test/collections/" + id)
                .then().statusCode(200).body(equalTo(id + " EMS 2026-12-01 20"));

        given().queryParam("collection", "POST").get("/test/collections/" + id).then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("collection"))
                .body("violations[0].code", equalTo("NOT_ONE_OF"))
                .body("violations[0].message", equalTo("不是可选的值，可选：HALL, EMS。"));
        given().header("Accept-Language", "en").queryParam("collection", "POST").get("/test/collections/" + id).then()
                .statusCode(400).body("violations[0].message", equalTo("Not an accepted value; use one of: HALL, EMS."));
        given().header("Accept-Language", "en").queryParam("from", "1 Dec").get("/test/collections/" + id).then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("from"))
                .body("violations[0].code", equalTo("INVALID_FORMAT"))
                .body("violations[0].message", equalTo("Wrong format; expected a date (YYYY-MM-DD)."));
        given().queryParam("size", "many").get("/test/collections/" + id).then()
                .statusCode(400).body("violations.field", contains("size"))
                .body("violations[0].code", equalTo("INVALID_FORMAT"));
        // JAX-RS would say 404 for a path parameter it cannot read; it is bad input all the same
        given().header("Accept-Language", "en").get("/test/collections/not-a-uuid").then()
                .statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("id"))
                .body("violations[0].message", equalTo("Wrong format; expected a UUID."));
    }

    @Test
    void malformedInputIsA400NeverA500() {
        given().contentType(ContentType.JSON).body("{\"hallId\": ").post("/test/bookings").then()
                .statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_REQUEST"));
        given().contentType(ContentType.JSON).body("[1, 2]").post("/test/bookings")
                .then().statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
        given().contentType(ContentType.JSON).body("").post("/test/bookings")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().queryParam("page", "abc").get("/test/pages").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("violations.field", contains("page"));
        given().contentType(ContentType.TEXT).body("hello").post("/test/bookings").then()
                .statusCode(415).body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        given().header("Accept-Language", "en").get("/test/no-such-thing").then()
                .statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND")).body("title", equalTo("Not found"));
        given().delete("/test/slots/full").then()
                .statusCode(405).body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithoutInternals() {
        String body = given().header("X-Request-Id", "req-boom").get("/test/boom").then()
                .statusCode(500).contentType("application/problem+json")
                .body("code", equalTo("INTERNAL_ERROR"))
                .body("requestId", equalTo("req-boom"))
                .body("violations", nullValue())
                .body("detail", not(containsString("secret")))
                .extract().asString();
        assertThat(body).doesNotContain("secret internal detail", "IllegalStateException", "at cn.hkmo");
    }
}

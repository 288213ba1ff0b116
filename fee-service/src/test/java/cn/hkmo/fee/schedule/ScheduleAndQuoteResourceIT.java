package cn.hkmo.fee.schedule;

import cn.hkmo.platform.test.FreeHttpPortResource;
import cn.hkmo.platform.test.KeycloakTokens;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(FreeHttpPortResource.class)
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "fee"))
class ScheduleAndQuoteResourceIT {

    @Inject
    FeeScheduleService schedules;

    @Test
    void theMigrationSeedsExactlyTheTwoLegalVersions() {
        assertThat(schedules.schedule().versions()).startsWith(LegalSchedule.V2017, LegalSchedule.V2019);
        given().get("/api/v1/fees/schedule").then().statusCode(200)
                .body("items[1].legalBasis", equalTo("发改价格〔2017〕1186号；发改价格〔2019〕914号"))
                .body("items[1].feesFen.PERMIT", equalTo(6000));
    }

    @Test
    void anyoneMayAskForAQuote() {
        Map<String, Object> request = Map.of("permit", true, "date", "2019-06-30", "endorsements", List.of(
                Map.of("destination", "HK", "type", "G", "validity", "P1Y", "entries", "SINGLE"),
                Map.of("destination", "MO", "type", "G", "validity", "P1Y", "entries", "SINGLE")));
        given().contentType(ContentType.JSON).body(request).post("/api/v1/fees/quotes").then().statusCode(200)
                .body("totalFen", equalTo(11000)).body("scheduleVersion", equalTo(1))
                .body("lines[0].amountFen", equalTo(8000));

        given().contentType(ContentType.JSON).body(Map.of("permit", false, "endorsements", List.of(
                        Map.of("destination", "HK", "type", "TALENT", "validity", "P5Y", "entries", "MULTIPLE"))))
                .post("/api/v1/fees/quotes").then().statusCode(200)
                .body("totalFen", equalTo(24000)).body("lines[0].rule", equalTo("长期(三年以上,含三年)多次有效签注(每件)"));
    }

    @Test
    void aBadQuoteRequestIsAProblemNotAServerError() {
        given().contentType(ContentType.JSON).header("Accept-Language", "en")
                .body(Map.of("permit", false, "endorsements", List.of(
                        Map.of("destination", "HK", "type", "G", "validity", "one year", "entries", "MULTIPLE"))))
                .post("/api/v1/fees/quotes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_VALIDITY"))
                .body("type", equalTo("https://hkmo.cn/problems/invalid-validity"));
    }

    @Test
    void onlyAnAdminAddsAVersionAndOnlyAfterTheLatest() {
        FeeScheduleVersion latest = schedules.schedule().versions().get(schedules.schedule().versions().size() - 1);
        LocalDate next = latest.effectiveFrom().isAfter(LocalDate.now()) ? latest.effectiveFrom().plusDays(1) : LocalDate.now().plusDays(30);
        Map<FeeItem, Long> fees = new EnumMap<>(latest.feesFen());
        fees.put(FeeItem.PERMIT, 5000L);
        Map<String, Object> body = Map.of("effectiveFrom", next.toString(), "legalBasis", "测试文号", "feesFen", fees);

        given().auth().oauth2(KeycloakTokens.password("zhangwei")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/fees/schedule").then().statusCode(403);
        String admin = KeycloakTokens.password("admin");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/v1/fees/schedule").then().statusCode(201).body("version", equalTo(latest.version() + 1));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body)
                .post("/api/v1/fees/schedule").then().statusCode(409).body("code", equalTo("SCHEDULE_NOT_LATER"));
    }
}

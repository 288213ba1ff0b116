package cn.hkmo.systemtests;

import cn.hkmo.platform.test.PdfText;
import cn.hkmo.systemtests.harness.Api;
import cn.hkmo.systemtests.harness.Steps;
import cn.hkmo.systemtests.harness.Steps.Booking;
import cn.hkmo.systemtests.harness.SystemTest;
import cn.hkmo.systemtests.harness.Tokens;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The receipt and the refusal decision as printed documents (issue 21): PDFs naming the issuing authority, with a code
 * anyone can verify through the gateway without a token, and readable by their addressee and the case's staff only.
 */
@SystemTest
class DocumentsIT {

    private static final String CITIZEN = "zhangwei";
    private static final String FULL_ID = "110105199003071239";
    private static final String BEIJING = "北京市公安局出入境管理总队";
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");

    @Test
    @DisplayName("the citizen prints the receipt and the refusal decision; the codes on them verify; strangers get 404")
    void printedAndVerified() {
        Booking booking = Steps.book(Tokens.of(CITIZEN),
                Steps.firstApplication(Steps.nextWindow("BJ-CHAOYANG", 10), "110105", Steps.atHall()));
        String applicationNo = Steps.checkInAndAccept("officer.bj", booking);

        String receipt = pdf(Api.as(CITIZEN), "/api/v1/intake/my/applications/{no}/receipt.pdf", applicationNo);
        assertThat(receipt).contains(BEIJING, "受理回执", applicationNo, "110105********1239").doesNotContain(FULL_ID);
        Api.anonymous().get("/api/v1/verifications/receipts/{code}", code(receipt)).then().statusCode(200)
                .body("genuine", equalTo(true)).body("type", equalTo("ACCEPTANCE_RECEIPT"))
                .body("issuingAuthority.zh", equalTo(BEIJING));

        Steps.awaitCase("reviewer.bj", applicationNo);
        String decisionNo = Api.as("reviewer.bj")
                .body(Map.of("reasons", List.of("申请人提交的申请材料存在虚假内容"),
                        "legalBasis", "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》第十三条"))
                .post("/api/v1/cases/{no}/refusal", applicationNo).then().statusCode(201).extract().path("decisionNo");
        Steps.awaitCaseStatus(CITIZEN, applicationNo, "REFUSED");

        String decision = pdf(Api.as(CITIZEN), "/api/v1/cases/{no}/refusal.pdf", applicationNo);
        String code = code(decision);
        assertThat(decision).contains(BEIJING, "不予批准决定书", decisionNo, "110105********1239", "第十三条", "行政复议",
                "行政诉讼", "/api/v1/verifications/refusal-decisions/" + code).doesNotContain(FULL_ID);
        Api.as(CITIZEN).get("/api/v1/cases/{no}/refusal", applicationNo).then().statusCode(200)
                .body("verificationCode", equalTo(code)).body("issuingAuthority.zh", equalTo(BEIJING));

        Api.anonymous().get("/api/v1/verifications/refusal-decisions/{code}", code).then().statusCode(200)
                .header("RateLimit-Policy", startsWith("\"anonymous\""))
                .body("genuine", equalTo(true))
                .body("type", equalTo("REFUSAL_DECISION"))
                .body("number", equalTo(decisionNo))
                .body("issuingAuthority.zh", equalTo(BEIJING))
                .body("applicant", equalTo("张*"))
                .body("residentId", equalTo("110105********1239"))
                .body("$", not(hasKey("reasons")));
        Api.anonymous().get("/api/v1/verifications/refusal-decisions/{code}", forged(code)).then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("DOCUMENT_NOT_FOUND"));
        Api.anonymous().get("/api/v1/verifications/receipts/{code}", code).then().statusCode(404)
                .body("code", equalTo("DOCUMENT_NOT_FOUND"));

        pdfAnswer(Api.as("lina"), "/api/v1/cases/{no}/refusal.pdf", applicationNo).then().statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
        pdfAnswer(Api.as("lina"), "/api/v1/intake/my/applications/{no}/receipt.pdf", applicationNo).then().statusCode(404)
                .body("code", equalTo("APPLICATION_NOT_FOUND"));
        assertThat(pdf(Api.as("officer.bj"), "/api/v1/intake/applications/{no}/receipt.pdf", applicationNo))
                .as("the hall reprints the receipt as issued").isEqualTo(receipt);
    }

    private static String pdf(RequestSpecification caller, String path, String applicationNo) {
        return PdfText.of(pdfAnswer(caller, path, applicationNo).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray());
    }

    private static io.restassured.response.Response pdfAnswer(RequestSpecification caller, String path, String applicationNo) {
        return caller.accept("application/pdf, application/problem+json").get(path, applicationNo);
    }

    private static String code(String text) {
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).as("a verification code in " + text).isTrue();
        return code.group();
    }

    /** The code with its last character changed: what a forger who copied most of it would type. */
    private static String forged(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (last == 'Z' ? 'Y' : 'Z');
    }
}

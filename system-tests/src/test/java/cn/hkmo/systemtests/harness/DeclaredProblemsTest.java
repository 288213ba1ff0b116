package cn.hkmo.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed contract is fit for code generators: every operation declares its problem answers, each with the
 * shared Problem schema, its codes and an example, the kinds of answer every operation of its kind has, and success
 * answers with a real schema. The system tests prove the declarations true (AccessTableIT, BadInputIT).
 */
class DeclaredProblemsTest {

    private static final String PROBLEM = "application/problem+json";
    private static JsonNode doc;
    private static final List<Operation> OPERATIONS = new ArrayList<>();

    record Operation(String name, JsonNode node) {
        boolean secured() {
            JsonNode security = node.path("security");
            if (!security.isArray() || security.isEmpty()) {
                return false;
            }
            for (JsonNode requirement : security) {
                if (requirement.isEmpty()) {
                    return false; // "{}": anonymous allowed
                }
            }
            return true;
        }

        boolean takesInput() {
            return node.has("requestBody") || node.path("parameters").size() > 0;
        }

        List<String> codes(int status) {
            List<String> codes = new ArrayList<>();
            node.path("responses").path(Integer.toString(status)).path(DeclaredProblems.CODES_EXTENSION)
                    .forEach(c -> codes.add(c.asText()));
            return codes;
        }
    }

    @BeforeAll
    static void read() throws IOException {
        doc = OpenApiContract.committed();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                OPERATIONS.add(new Operation(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
            }
        }));
        assertThat(OPERATIONS).hasSizeGreaterThan(60);
    }

    @Test
    void everyProblemAnswerHasTheProblemSchemaItsCodesAsEnumAndAnExampleOfOne() {
        List<String> defects = new ArrayList<>();
        for (Operation op : OPERATIONS) {
            op.node().path("responses").fields().forEachRemaining(answer -> {
                int status = Integer.parseInt(answer.getKey());
                if (status < 400) {
                    return;
                }
                String where = op.name() + " " + status;
                List<String> codes = op.codes(status);
                JsonNode media = answer.getValue().path("content").path(PROBLEM);
                List<String> enumeration = new ArrayList<>();
                media.path("schema").path("allOf").path(1).path("properties").path("code").path("enum")
                        .forEach(c -> enumeration.add(c.asText()));
                if (codes.isEmpty()) {
                    defects.add(where + ": no " + DeclaredProblems.CODES_EXTENSION);
                } else if (!"#/components/schemas/Problem".equals(media.path("schema").path("allOf").path(0).path("$ref").asText())) {
                    defects.add(where + ": not the Problem schema as " + PROBLEM);
                } else if (!enumeration.equals(codes)) {
                    defects.add(where + ": code enum " + enumeration + " is not " + codes);
                } else if (!codes.contains(media.path("example").path("code").asText())
                        || media.path("example").path("status").asInt() != status) {
                    defects.add(where + ": no example of one of its codes");
                }
            });
        }
        assertThat(defects).isEmpty();
        assertThat(doc.path("components").path("schemas").path("Problem").path("required").toString())
                .contains("\"code\"", "\"status\"");
    }

    @Test
    void everyOperationDeclaresWhatEveryOperationOfItsKindAnswers() {
        List<String> defects = new ArrayList<>();
        for (Operation op : OPERATIONS) {
            expect(defects, op, 500, "INTERNAL_ERROR");
            expect(defects, op, 429, "RATE_LIMITED");
            expect(defects, op, 503, "UPSTREAM_UNAVAILABLE");
            if (op.takesInput()) {
                expect(defects, op, 400, "MALFORMED_REQUEST");
            }
            if (op.node().has("requestBody")) {
                expect(defects, op, 400, "VALIDATION_FAILED");
                expect(defects, op, 413, "PAYLOAD_TOO_LARGE");
            }
            if (op.secured()) {
                expect(defects, op, 401, "UNAUTHENTICATED");
                expect(defects, op, 403, "FORBIDDEN");
            }
        }
        assertThat(defects).isEmpty();
    }

    private static void expect(List<String> defects, Operation op, int status, String code) {
        if (!op.codes(status).contains(code)) {
            defects.add(op.name() + " does not declare " + status + " " + code);
        }
    }

    @Test
    void operationsDeclareTheirOwnCodesUnderTheirEnumsStatuses() {
        Map<String, Object[]> samples = Map.of(
                "POST /api/v1/bookings", new Object[] {409, "SLOT_FULL"},
                "POST /api/v1/holds", new Object[] {409, "SLOT_FULL"},
                "POST /api/v1/officer/check-ins", new Object[] {403, "WRONG_HALL"},
                "POST /api/v1/intake/bookings/{bookingNo}/decision", new Object[] {409, "APPLICATION_NOT_ACCEPTABLE"},
                "POST /api/v1/fees/orders/{orderNo}/alipay-wap", new Object[] {400, "RETURN_URL_NOT_ALLOWED"},
                "POST /api/v1/cases/{applicationNo}/approval", new Object[] {403, "OUT_OF_REVIEW_SCOPE"},
                "GET /api/v1/messages/{id}", new Object[] {404, "MESSAGE_NOT_FOUND"});
        samples.forEach((name, expected) -> {
            Operation op = OPERATIONS.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
            assertThat(op.codes((Integer) expected[0])).as(name).contains((String) expected[1]);
        });
    }

    @Test
    void everySuccessAnswerWithABodyHasARealSchema() {
        List<String> defects = new ArrayList<>();
        for (Operation op : OPERATIONS) {
            op.node().path("responses").fields().forEachRemaining(answer -> {
                if (!answer.getKey().startsWith("2") || !answer.getValue().has("content")) {
                    return;
                }
                JsonNode content = answer.getValue().path("content");
                if (content.isEmpty()) {
                    defects.add(op.name() + " " + answer.getKey() + ": content without a media type");
                }
                content.fields().forEachRemaining(media -> {
                    if (media.getValue().path("schema").isEmpty()) {
                        defects.add(op.name() + " " + answer.getKey() + " " + media.getKey() + ": empty schema");
                    }
                });
            });
            if (op.name().startsWith("POST") && op.node().path("responses").has("200")
                    && op.node().path("responses").has("201")) {
                defects.add(op.name() + ": both 200 and 201");
            }
        }
        assertThat(defects).isEmpty();
        JsonNode responses = doc.path("paths").path("/api/v1/bookings").path("post").path("responses");
        assertThat(responses.has("201")).as("POST /api/v1/bookings creates: 201").isTrue();
        assertThat(doc.path("paths").path("/api/v1/fees/orders/{orderNo}/alipay-wap").path("post").path("responses")
                .path("200").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/WapPay");
    }
}

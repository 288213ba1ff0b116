package cn.hkmo.kit.problem.openapi;

import cn.hkmo.kit.problem.ErrorCode;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.Problem;
import cn.hkmo.kit.problem.openapi.ProblemAnswers.OperationKind;
import cn.hkmo.kit.support.TestError;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Which problems an operation of each kind answers, and the shared schemas. */
class ProblemAnswersTest {

    private static List<String> codes(SortedMap<Integer, Set<ErrorCode>> answers, int status) {
        return answers.getOrDefault(status, Set.of()).stream().map(ErrorCode::code).toList();
    }

    @Test
    void aPublicReadWithoutInputAnswersOnlyServerFailures() {
        var answers = ProblemAnswers.of(new OperationKind(false, false, false, false, true), List.of());
        assertThat(answers.keySet()).containsExactly(406, 500, 503);
    }

    @Test
    void aSecuredWriteWithBodyAndKeyAnswersTheKitsCodesAfterItsOwnUnderTheEnumsStatuses() {
        var answers = ProblemAnswers.of(new OperationKind(true, true, true, true, true),
                List.of(TestError.SLOT_FULL, TestError.PEOPLE_TOO_MANY, KitError.IDENTITY_NOT_VERIFIED));
        assertThat(answers.keySet()).containsExactly(400, 401, 403, 406, 409, 415, 422, 500, 503);
        assertThat(codes(answers, 400)).containsExactly(
                "PEOPLE_TOO_MANY", "VALIDATION_FAILED", "MALFORMED_REQUEST", "IDEMPOTENCY_KEY_MISSING");
        assertThat(codes(answers, 401)).containsExactly("UNAUTHENTICATED", "DELEGATION_REVOKED");
        assertThat(codes(answers, 403)).containsExactly("IDENTITY_NOT_VERIFIED", "FORBIDDEN");
        assertThat(codes(answers, 409)).containsExactly("SLOT_FULL");
        assertThat(codes(answers, 422)).containsExactly("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void parametersAreNamedWhenNotOfTheirTypeAndMalformedWhenUnreadable() {
        assertThat(codes(ProblemAnswers.of(new OperationKind(false, false, true, false, true), List.of()), 400))
                .containsExactly("VALIDATION_FAILED", "MALFORMED_REQUEST");
        assertThat(ProblemAnswers.of(new OperationKind(false, false, false, false, true), List.of())).doesNotContainKey(400);
    }

    @Test
    void aCodeDeclaredTwiceIsListedOnce() {
        var answers = ProblemAnswers.of(new OperationKind(true, false, false, false, false),
                List.of(KitError.FORBIDDEN, TestError.SLOT_FULL, TestError.SLOT_FULL));
        assertThat(codes(answers, 403)).containsExactly("FORBIDDEN");
        assertThat(codes(answers, 409)).containsExactly("SLOT_FULL");
    }

    @Test
    void theSchemasHaveTheRecordsFieldsAndTheAnswerNarrowsTheCode() {
        Schema problem = ProblemSchemas.problem("#/components/schemas/Violation");
        assertThat(problem.getProperties().keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Problem.class.getRecordComponents()).map(RecordComponent::getName).toList());
        assertThat(ProblemSchemas.violation().getProperties().keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Problem.Violation.class.getRecordComponents()).map(RecordComponent::getName).toList());
        Schema answer = ProblemSchemas.answer("#/components/schemas/Problem", List.of("SLOT_FULL", "HOLD_EXPIRED"));
        assertThat(answer.getAllOf().get(0).getRef()).isEqualTo("#/components/schemas/Problem");
        Map<String, Schema> narrowed = answer.getAllOf().get(1).getProperties();
        assertThat(narrowed.get("code").getEnumeration()).containsExactly("SLOT_FULL", "HOLD_EXPIRED");
    }
}

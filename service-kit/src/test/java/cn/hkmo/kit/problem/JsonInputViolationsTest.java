package cn.hkmo.kit.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JsonInputViolationsTest {

    enum Method { HALL, EMS }

    enum Type { G, L, T }

    record Endorsement(String destination, Type type) {
    }

    record Delivery(Method method) {
    }

    record Form(LocalDate date, Delivery delivery, List<Endorsement> endorsements, Boolean noticeAccepted) {
    }

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ProblemMessages messages = new ProblemMessages();

    @Test
    void anUnknownEnumConstantNamesItsFieldAndTheAcceptedValuesInBothLanguages() {
        MismatchedInputException e = failure("{\"delivery\": {\"method\": \"DRONE\"}}");

        assertThat(JsonInputViolations.of(e, messages, ProblemMessages.CHINESE)).hasValue(new Problem.Violation(
                "delivery.method", "NOT_ONE_OF", "不是可选的值，可选：HALL, EMS。"));
        assertThat(JsonInputViolations.of(e, messages, Locale.ENGLISH)).hasValue(new Problem.Violation(
                "delivery.method", "NOT_ONE_OF", "Not an accepted value; use one of: HALL, EMS."));
    }

    @Test
    void aFieldInAListCarriesItsIndex() {
        MismatchedInputException e = failure("{\"endorsements\": [{\"destination\": \"HK\", \"type\": \"G\"}, "
                + "{\"destination\": \"MO\", \"type\": \"X\"}]}");

        assertThat(JsonInputViolations.of(e, messages, Locale.ENGLISH)).get()
                .extracting(Problem.Violation::field).isEqualTo("endorsements[1].type");
    }

    @Test
    void aValueOfTheWrongFormatSaysWhichFormatWithoutRepeatingTheValue() {
        MismatchedInputException date = failure("{\"date\": \"110105199003071239\"}");
        MismatchedInputException flag = failure("{\"noticeAccepted\": \"maybe\"}");

        assertThat(JsonInputViolations.of(date, messages, ProblemMessages.CHINESE)).hasValue(new Problem.Violation(
                "date", "INVALID_FORMAT", "格式不正确，应为日期（YYYY-MM-DD）。"));
        assertThat(JsonInputViolations.of(flag, messages, Locale.ENGLISH)).hasValue(new Problem.Violation(
                "noticeAccepted", "INVALID_FORMAT", "Wrong format; expected true or false."));
    }

    @Test
    void aBodyOfTheWrongShapeNamesNoFieldAndStaysMalformed() {
        assertThat(JsonInputViolations.of(failure("[1, 2]"), messages, Locale.ENGLISH)).isEqualTo(Optional.empty());
    }

    @Test
    void everyKindOfValueHasAMessageInBothLanguages() {
        for (Class<?> type : List.of(LocalDate.class, java.time.LocalTime.class, java.time.OffsetDateTime.class,
                java.util.UUID.class, boolean.class, int.class, java.math.BigDecimal.class, String.class, List.class,
                Delivery.class, Object.class)) {
            String key = "FORMAT." + JsonInputViolations.kindOf(type);
            assertThat(messages.message(key, ProblemMessages.CHINESE)).as(key).isPresent();
            assertThat(messages.message(key, Locale.ENGLISH)).as(key).isPresent();
        }
    }

    private MismatchedInputException failure(String body) {
        return catchThrowableOfType(MismatchedInputException.class, () -> json.readValue(body, Form.class));
    }
}

package cn.hkmo.systemtests.harness;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.util.ArrayList;
import java.util.List;

/**
 * Every JSON answer of the gateway while a test records them ({@link #record()}): a convention of every answer (the
 * time zone of every date-time, docs/conventions.md) is then checked over a whole journey, not only over the fields a
 * test happens to read. Every {@link Api} request passes through it; outside a recording it keeps nothing.
 */
public final class Answers implements Filter {

    static final Answers FILTER = new Answers();
    private static final ThreadLocal<List<Answer>> RECORDING = new ThreadLocal<>();

    /** One answer: what was asked and the JSON body. */
    public record Answer(String request, String body) {
    }

    private Answers() {
    }

    /** Starts keeping this thread's answers until the returned recording is closed. */
    public static Recording record() {
        List<Answer> answers = new ArrayList<>();
        RECORDING.set(answers);
        return new Recording(answers);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                           FilterContext context) {
        Response answer = context.next(request, response);
        List<Answer> answers = RECORDING.get();
        String type = answer.contentType();
        if (answers != null && type != null && type.contains("json")) {
            answers.add(new Answer(request.getMethod() + " " + request.getURI(), answer.asString()));
        }
        return answer;
    }

    /** The answers recorded so far; closing it stops the recording. */
    public static final class Recording implements AutoCloseable {

        private final List<Answer> answers;

        private Recording(List<Answer> answers) {
            this.answers = answers;
        }

        public List<Answer> answers() {
            return List.copyOf(answers);
        }

        @Override
        public void close() {
            RECORDING.remove();
        }
    }
}

package cn.hkmo.kit.calendar;

import java.util.List;
import java.util.stream.Collectors;

/** Calendar data is malformed or contradicts itself: a service must not start on it, an admin gets it back. */
public class InvalidCalendarDataException extends RuntimeException {

    private final transient List<NoticeProblem> problems;

    /** @param origin names the data: a file, the admin API, an event */
    public InvalidCalendarDataException(String origin, List<NoticeProblem> problems) {
        super(origin + " is invalid: " + problems.stream().map(NoticeProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidCalendarDataException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of();
    }

    /** Each problem on its own; empty when the data did not even read (see the message). */
    public List<NoticeProblem> problems() {
        return problems;
    }
}

package cn.hkmo.kit.calendar;

/** The calendar data file is malformed or contradicts itself; the service must not start on it. */
public class InvalidCalendarDataException extends RuntimeException {

    public InvalidCalendarDataException(String message) {
        super(message);
    }

    public InvalidCalendarDataException(String message, Throwable cause) {
        super(message, cause);
    }
}

package cn.hkmo.kit.problem;

/**
 * A stable error code with its HTTP status. Services declare theirs as enums:
 *
 * <pre>{@code
 * enum AppointmentError implements ErrorCode {
 *     SLOT_FULL(409), BOOKING_NOT_FOUND(404);
 *     private final int status;
 *     AppointmentError(int status) { this.status = status; }
 *     public int status() { return status; }
 * }
 * }</pre>
 *
 * Messages live in {@code problems.properties} (zh-CN) and {@code problems_en.properties}:
 * {@code SLOT_FULL.title}, {@code SLOT_FULL.detail} (MessageFormat arguments {0}, {1}...).
 */
public interface ErrorCode {

    /** Enums provide it; it is the code unless {@link #code()} says otherwise. */
    String name();

    /** Stable, UPPER_SNAKE_CASE, part of the API: clients switch on it. */
    default String code() {
        return name();
    }

    int status();
}

package cn.hkmo.appointment;

import cn.hkmo.kit.problem.ErrorCode;

/**
 * The stable problem codes of appointment-service. Titles and details live in
 * {@code problems.properties} (zh-CN) and {@code problems_en.properties}. An invalid resident ID in the
 * token is the kit's {@code INVALID_RESIDENT_ID}.
 */
public enum AppointmentError implements ErrorCode {
    FIELD_REQUIRED(422),
    INVALID_MOBILE(422),
    INVALID_REGION(422),
    DOCUMENT_TYPE_NOT_HANDLED(422),
    CATEGORY_NOT_HANDLED(422),
    ENDORSEMENT_NOT_HANDLED(422),
    FAMILY_VISIT_NOT_T(422),
    NON_HUKOU_NOTICE_REQUIRED(422),
    WINDOW_IN_PAST(422),
    WINDOW_OUTSIDE_HORIZON(422),
    WINDOW_TOO_SOON(422),
    WINDOW_NOT_OFFERED(422),
    HALL_CLOSED(422),
    INVALID_CHECK_IN_CODE(422),
    HALL_NOT_FOUND(404),
    HOLD_NOT_FOUND(404),
    BOOKING_NOT_FOUND(404),
    WAITLIST_ENTRY_NOT_FOUND(404),
    CLOSURE_NOT_FOUND(404),
    SLOT_FULL(409),
    HOLD_EXPIRED(409),
    ACTIVE_BOOKING_EXISTS(409),
    BOOKING_NOT_ACTIVE(409),
    CUT_OFF_PASSED(409),
    CHECK_IN_NOT_OPEN(409),
    CHECK_IN_WINDOW_CLOSED(409),
    SLOT_NOT_FULL(409),
    ALREADY_WAITLISTED(409),
    WAITLIST_LIMIT_REACHED(409),
    INVALID_OPENING_PLAN(422),
    HALL_EXISTS(409),
    CLOSURE_EXISTS(409),
    NO_SHOW_RESTRICTED(403),
    WRONG_HALL(403),
    BOOKING_LIMIT_REACHED(429);

    private final int status;

    AppointmentError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}

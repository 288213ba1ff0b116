package cn.hkmo.eligibility;

import cn.hkmo.kit.problem.ErrorCode;

/** Errors of eligibility-service; messages in problems.properties (zh-CN) and problems_en.properties. */
public enum EligibilityError implements ErrorCode {
    /** Neither a logged-in citizen nor a birth date or resident ID in the request. */
    APPLICANT_UNKNOWN(400),
    BOOKING_NOT_FOUND(404),
    /** The booking belongs to another hall than the officer's. */
    NOT_YOUR_HALL(403),
    /** The booking is not checked in (booked, cancelled, missed). */
    BOOKING_NOT_OPEN_FOR_INTAKE(409),
    /** The booking was accepted or not accepted already: a repeat without the first Idempotency-Key is no new decision. */
    INTAKE_ALREADY_DECIDED(409),
    /**
     * The booking does not say where its hall is (announced by an appointment-service from before
     * {@code hallRegion}), so the office's remit and hukou-local processing cannot be decided.
     */
    HALL_REGION_UNKNOWN(409),
    /** A decision before the materials were recorded. */
    MATERIALS_NOT_RECORDED(409),
    /** Acceptance while items are missing or wrong, or something is not allowed. */
    APPLICATION_NOT_ACCEPTABLE(409),
    /** A correction notice with nothing to correct. */
    NOTHING_TO_CORRECT(409),
    /** Not accepted without a ground: the office may take it and nothing is refused. */
    NO_GROUND_FOR_REFUSAL(409),
    /** The option chosen for an endorsement is not one it may be issued with here. */
    OPTION_NOT_AVAILABLE(422),
    NOTICE_NOT_FOUND(404),
    APPLICATION_NOT_FOUND(404),
    /** An officer asking for an application another hall accepted; names the officer's hall, not the application's. */
    OTHER_HALL(403);

    private final int status;

    EligibilityError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}

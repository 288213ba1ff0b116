package cn.hkmo.issuance;

import cn.hkmo.kit.problem.ErrorCode;

/** The issuance service's stable error codes; messages in {@code problems.properties} / {@code problems_en.properties}. */
public enum IssuanceError implements ErrorCode {
    /** No such case, or (for a citizen) not theirs: existence is not revealed. */
    CASE_NOT_FOUND(404),
    TIMELINE_NOT_FOUND(404),
    DECISION_DOCUMENT_NOT_FOUND(404),
    /** A reviewer reading or deciding a case outside their review region; names the reviewer's region, not the case's. */
    OUT_OF_REVIEW_SCOPE(403),
    /** An officer reading or acting on a case of another hall; names the officer's hall, not the case's. */
    OTHER_HALL(403),
    /** Staff asking for what no hall or region scope covers: a booking's steps before acceptance are its citizen's. */
    OUT_OF_SCOPE(403),
    CASE_ALREADY_DECIDED(409),
    /** The case is issued, refused or closed, so its deadline can no longer change. */
    CASE_NOT_PENDING(409),
    EXTENSION_NOT_APPLICABLE(422),
    EXTENSION_OUT_OF_RANGE(422),
    EXTENSION_NOT_LONGER(422),
    DELIVERY_CHANGE_CLOSED(409),
    EMS_ADDRESS_REQUIRED(400),
    NOT_FOR_MAILING(409),
    NOT_AWAITING_DISPATCH(409),
    NOT_DISPATCHED(409),
    WAYBILL_MISMATCH(409),
    REPORTED_TIME_IN_FUTURE(422),
    REPORTED_TIME_BEFORE_PREVIOUS_STEP(422),
    NOT_READY_FOR_COLLECTION(409),
    COLLECTOR_NOT_APPLICANT(422),
    PROXY_NAME_REQUIRED(400),
    CALENDAR_YEAR_UNKNOWN(422),
    CALENDAR_NOTICE_INVALID(422);

    private final int status;

    IssuanceError(int status) {
        this.status = status;
    }

    @Override
    public int status() {
        return status;
    }
}

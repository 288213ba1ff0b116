package cn.hkmo.issuance.casefile;

/**
 * The refusals of {@link CaseAccess} as the OpenAPI document states them, one wording for every endpoint
 * (docs/conventions.md, Authorization answers).
 */
public final class AccessAnswers {

    private static final String PARTNER = "FORBIDDEN for a caller without one of the endpoint's roles; "
            + "PARTNER_NOT_AUTHORISED for a partner acting for the citizen without the `booking` consent";

    /** Reading one case (case, timeline, decision document). */
    public static final String READ_403 = "Staff outside their scope: OTHER_HALL (an officer of another hall), "
            + "OUT_OF_REVIEW_SCOPE (a reviewer of another province); the answer names only the number asked for and the "
            + "caller's own hall or region. " + PARTNER + ".";

    /** What a citizen is told about a case that is not theirs: the same as for a number that does not exist. */
    public static final String READ_404 =
            "No such case, or (to a citizen) another citizen's: its existence is not revealed.";

    /** The citizen's own cases and changes to them. */
    public static final String CITIZEN_403 = PARTNER + ".";

    /** Deciding: on a refusal checked before the body, so a reviewer of another province gets this, not a 400. */
    public static final String DECIDE_403 = "OUT_OF_REVIEW_SCOPE: a reviewer outside the case's province (names only the "
            + "number asked for and the reviewer's region; checked before a refusal's body is validated); FORBIDDEN for "
            + "callers neither reviewer nor supervisor.";

    /** Hall work: checked before the body. */
    public static final String HALL_403 = "OTHER_HALL: an officer of another hall (names only the number asked for and the "
            + "officer's hall; checked before the body is validated); FORBIDDEN for callers who are not officers.";

    private AccessAnswers() {
    }
}

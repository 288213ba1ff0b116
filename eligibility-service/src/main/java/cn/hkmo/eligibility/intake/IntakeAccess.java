package cn.hkmo.eligibility.intake;

import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;

/**
 * Who the intake endpoints act for. A citizen reads their own notices and applications (found by the token's
 * resident ID, so another's are 404), also through a partner they authorised with the {@value Caller#BOOKING_SCOPE}
 * scope; an officer works at the hall of their token (another hall's booking is 403 {@code NOT_YOUR_HALL}).
 */
final class IntakeAccess {

    private IntakeAccess() {
    }

    /**
     * Following the application is part of the booking flow (docs/partners.md).
     *
     * @throws ProblemException {@code PARTNER_NOT_AUTHORISED}: a partner without the citizen's booking consent;
     *                          {@code FORBIDDEN}: no resident ID
     */
    static ResidentId citizen(Caller caller) {
        caller.requireConsent(Caller.BOOKING_SCOPE);
        return caller.residentId().orElseThrow(() -> new ProblemException(KitError.FORBIDDEN));
    }

    /** @throws ProblemException {@code FORBIDDEN} for an officer token without {@code hall_id} */
    static String officerHall(Caller caller) {
        return caller.hallId().orElseThrow(() -> new ProblemException(KitError.FORBIDDEN));
    }
}

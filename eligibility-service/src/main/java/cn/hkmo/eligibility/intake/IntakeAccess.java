package cn.hkmo.eligibility.intake;

import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;

/**
 * Who the intake endpoints act for. A citizen reads their own notices and applications (found by the token's
 * resident ID, so another's are 404), also through a partner they authorised with the {@value #BOOKING_SCOPE}
 * scope; an officer works at the hall of their token (another hall's booking is 403 {@code NOT_YOUR_HALL}).
 */
final class IntakeAccess {

    /** The consent a partner needs: following the application is part of the booking flow (docs/partners.md). */
    static final String BOOKING_SCOPE = "booking";

    private IntakeAccess() {
    }

    /** @throws ProblemException {@code FORBIDDEN}: a partner without the citizen's booking consent, or no resident ID */
    static ResidentId citizen(Caller caller) {
        if (caller.actingForCitizen() && !caller.hasScope(BOOKING_SCOPE)) {
            throw new ProblemException(KitError.FORBIDDEN);
        }
        return caller.residentId().orElseThrow(() -> new ProblemException(KitError.FORBIDDEN));
    }

    /** @throws ProblemException {@code FORBIDDEN} for an officer token without {@code hall_id} */
    static String officerHall(Caller caller) {
        return caller.hallId().orElseThrow(() -> new ProblemException(KitError.FORBIDDEN));
    }
}

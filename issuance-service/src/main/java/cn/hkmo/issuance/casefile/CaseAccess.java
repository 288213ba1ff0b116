package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.problem.ProblemException;

/**
 * Who may see and act on a case: the citizen their own, an officer their hall's, a reviewer their
 * province's, supervisors and admins all. Plain rules, unit-tested.
 */
public final class CaseAccess {

    private CaseAccess() {
    }

    public static boolean canRead(Actor actor, String ownerSubject, String hallId, String hallRegion) {
        if (actor.oversees()) {
            return true;
        }
        if (actor.has(Actor.OFFICER) && actor.hallId().filter(hallId::equals).isPresent()) {
            return true;
        }
        if (actor.has(Actor.REVIEWER) && inRegion(actor, hallRegion)) {
            return true;
        }
        return actor.has(Actor.CITIZEN) && ownerSubject != null && ownerSubject.equals(actor.subject());
    }

    /**
     * Throws unless the actor may read the case. To anyone but staff a case they may not read does
     * not exist: application numbers must not be probeable.
     */
    public static void requireRead(Actor actor, CaseFile c) {
        if (!canRead(actor, c.subject(), c.hallId(), c.hallRegion())) {
            throw new ProblemException(IssuanceError.CASE_NOT_FOUND, c.applicationNo());
        }
    }

    /** Deciding (approve, refuse) needs a reviewer of the case's province, or a supervisor. */
    public static void requireDecide(Actor actor, CaseFile c) {
        boolean reviewerInScope = actor.has(Actor.REVIEWER) && inRegion(actor, c.hallRegion());
        if (!reviewerInScope && !actor.has(Actor.SUPERVISOR)) {
            throw new ProblemException(IssuanceError.OUT_OF_REVIEW_SCOPE, c.applicationNo(),
                    actor.reviewRegion().orElse("-"));
        }
    }

    /** Hall work (collection) is for the officers of the case's hall. */
    public static void requireHall(Actor actor, CaseFile c) {
        if (!actor.has(Actor.OFFICER) || actor.hallId().filter(c.hallId()::equals).isEmpty()) {
            throw new ProblemException(IssuanceError.OTHER_HALL, c.applicationNo(), c.hallId());
        }
    }

    /** The citizen who owns the case (changing the delivery, reading the decision as the addressee). */
    public static void requireOwner(Actor actor, CaseFile c) {
        if (!actor.has(Actor.CITIZEN) || !c.subject().equals(actor.subject())) {
            throw new ProblemException(IssuanceError.CASE_NOT_FOUND, c.applicationNo());
        }
    }

    /** Same province: the first two digits of the GB/T 2260 codes (a hall's region may be a district). */
    public static boolean inRegion(Actor actor, String hallRegion) {
        return hallRegion != null && hallRegion.length() >= 2 && actor.reviewRegion()
                .filter(r -> r.length() >= 2 && r.regionMatches(0, hallRegion, 0, 2)).isPresent();
    }
}

package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.ProblemException;

import java.util.Collection;
import java.util.Optional;

/**
 * Who may see and act on a case: the citizen their own (through a partner only with the citizen's
 * {@value #BOOKING_SCOPE} consent), an officer their hall's, a reviewer their province's, supervisors and
 * admins all. Plain rules, unit-tested.
 *
 * <p>Answers (docs/conventions.md, Authorization answers): to a citizen another's case does not exist (404, as
 * for an unknown number); officers and reviewers are told it is outside their scope (403). Either names only
 * the number asked for and the caller's own hall or region, never anything of the case.
 */
public final class CaseAccess {

    /**
     * The consent a partner needs to act for the citizen here: following the case and choosing the delivery are
     * part of the booking flow (docs/partners.md).
     */
    public static final String BOOKING_SCOPE = Caller.BOOKING_SCOPE;

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
     * A partner acting for a citizen without the {@value #BOOKING_SCOPE} consent gets 403 {@code PARTNER_NOT_AUTHORISED},
     * as everywhere (the kit's Caller); checked before the number is looked at, so the answer tells nothing about it.
     */
    public static void requireConsent(Actor actor) {
        if (!actor.consented(BOOKING_SCOPE)) {
            throw Caller.notAuthorised(BOOKING_SCOPE);
        }
    }

    /**
     * The case, if the actor may read it.
     *
     * @param found    the case looked up by {@code asked}, if any
     * @param asked    the number the caller asked for (a booking number must not reveal its application)
     * @param notFound what a citizen is told about a case that is not theirs or does not exist
     */
    public static CaseFile requireRead(Actor actor, Optional<CaseFile> found, String asked, IssuanceError notFound) {
        requireConsent(actor);
        CaseFile c = found.orElseThrow(() -> new ProblemException(notFound, asked));
        if (canRead(actor, c.subject(), c.hallId(), c.hallRegion())) {
            return c;
        }
        if (actor.has(Actor.OFFICER)) {
            throw otherHall(actor, asked);
        }
        if (actor.has(Actor.REVIEWER)) {
            throw outOfRegion(actor, asked);
        }
        throw new ProblemException(notFound, asked);
    }

    /**
     * A booking's steps before acceptance: they name their citizen, so only that citizen (or supervisors and admins)
     * may read them; no hall or region covers them, and other staff are told so.
     *
     * @param subjects the citizens the booking's steps name; none if there is no such booking
     */
    public static void requireReadBooking(Actor actor, Collection<String> subjects, String asked) {
        requireConsent(actor);
        if (subjects.isEmpty()) {
            throw new ProblemException(IssuanceError.TIMELINE_NOT_FOUND, asked);
        }
        boolean own = actor.has(Actor.CITIZEN) && actor.subject() != null && subjects.contains(actor.subject());
        if (own || actor.oversees()) {
            return;
        }
        throw actor.scopedStaff() ? new ProblemException(IssuanceError.OUT_OF_SCOPE, asked)
                : new ProblemException(IssuanceError.TIMELINE_NOT_FOUND, asked);
    }

    /** Deciding (approve, refuse) needs a reviewer of the case's province, or a supervisor. */
    public static void requireDecide(Actor actor, CaseFile c) {
        boolean reviewerInScope = actor.has(Actor.REVIEWER) && inRegion(actor, c.hallRegion());
        if (!reviewerInScope && !actor.has(Actor.SUPERVISOR)) {
            throw outOfRegion(actor, c.applicationNo());
        }
    }

    /** Hall work (collection) is for the officers of the case's hall. */
    public static void requireHall(Actor actor, CaseFile c) {
        if (!actor.has(Actor.OFFICER) || actor.hallId().filter(c.hallId()::equals).isEmpty()) {
            throw otherHall(actor, c.applicationNo());
        }
    }

    /** The citizen who owns the case (changing the delivery): to anyone else it does not exist. */
    public static CaseFile requireOwner(Actor actor, Optional<CaseFile> found, String asked) {
        requireConsent(actor);
        return found.filter(c -> actor.has(Actor.CITIZEN) && c.subject().equals(actor.subject()))
                .orElseThrow(() -> new ProblemException(IssuanceError.CASE_NOT_FOUND, asked));
    }

    /** Same province: the first two digits of the GB/T 2260 codes (a hall's region may be a district). */
    public static boolean inRegion(Actor actor, String hallRegion) {
        return hallRegion != null && hallRegion.length() >= 2 && actor.reviewRegion()
                .filter(r -> r.length() >= 2 && r.regionMatches(0, hallRegion, 0, 2)).isPresent();
    }

    /** Names the caller's own hall, not the case's: where a case is handled is the case's business. */
    private static ProblemException otherHall(Actor actor, String asked) {
        return new ProblemException(IssuanceError.OTHER_HALL, asked, actor.hallId().orElse("-"));
    }

    private static ProblemException outOfRegion(Actor actor, String asked) {
        return new ProblemException(IssuanceError.OUT_OF_REVIEW_SCOPE, asked, actor.reviewRegion().orElse("-"));
    }
}

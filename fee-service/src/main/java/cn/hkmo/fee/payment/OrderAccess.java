package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;

/**
 * Who may see or act on an order. Citizens see their own, also through a partner they authorised
 * with the {@code payment} scope (such a token's subject is the citizen); officers their hall's;
 * admins all. A partner's own client-credentials token is no citizen and sees nothing.
 */
final class OrderAccess {

    private OrderAccess() {
    }

    /**
     * The citizen themself, or a partner holding the citizen's consent to the payment scope.
     *
     * @throws ProblemException {@code PARTNER_NOT_AUTHORISED} without the consent (a partner's own token too),
     *                           {@code FORBIDDEN} for anyone else who is no citizen
     */
    static void requireCitizen(Caller caller) {
        caller.requireConsent(Caller.PAYMENT_SCOPE);
        if (!caller.hasRole(Caller.CITIZEN)) {
            throw new ProblemException(KitError.FORBIDDEN);
        }
    }

    /**
     * @param notFound what a citizen who does not own the order is told: the same answer as for a number that does
     *                 not exist, naming only the number they asked for (never the order's own number)
     */
    static void requireCanRead(PaymentOrder order, Caller caller, ProblemException notFound) {
        if (caller.hasRole(Caller.ADMIN)) {
            return;
        }
        if (caller.hasRole(Caller.OFFICER)) {
            requireHall(order, caller);
            return;
        }
        requireOwner(order, caller, notFound);
    }

    /** An order that is not the citizen's does not exist for them (404), so numbers cannot be probed. */
    static void requireOwner(PaymentOrder order, Caller caller, ProblemException notFound) {
        requireCitizen(caller);
        if (!order.citizenSubject.equals(caller.subject())) {
            throw notFound;
        }
    }

    /** Refunds: an admin, or an officer of the order's hall. */
    static void requireStaff(PaymentOrder order, Caller caller) {
        if (caller.hasRole(Caller.ADMIN)) {
            return;
        }
        if (!caller.hasRole(Caller.OFFICER)) {
            throw new ProblemException(KitError.FORBIDDEN);
        }
        requireHall(order, caller);
    }

    static void requireHall(PaymentOrder order, Caller caller) {
        if (!caller.hasRole(Caller.OFFICER) || caller.hallId().filter(order.hallId::equals).isEmpty()) {
            throw new ProblemException(KitError.FORBIDDEN);
        }
    }
}

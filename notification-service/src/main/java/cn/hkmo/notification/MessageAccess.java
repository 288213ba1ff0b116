package cn.hkmo.notification;

import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.ProblemException;

/**
 * Whose message centre a call reads: the citizen's own (their token's subject, so another's messages are 404), also
 * through a partner they authorised with the {@value Caller#BOOKING_SCOPE} scope, as for their bookings and applications.
 */
public final class MessageAccess {

    private MessageAccess() {
    }

    /**
     * The messages follow the booking and the application (docs/partners.md).
     *
     * @throws ProblemException {@code PARTNER_NOT_AUTHORISED}: a partner without the citizen's booking consent
     */
    public static String citizen(Caller caller) {
        caller.requireConsent(Caller.BOOKING_SCOPE);
        return caller.subject();
    }
}

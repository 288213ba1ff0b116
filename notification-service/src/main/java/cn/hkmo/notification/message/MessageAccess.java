package cn.hkmo.notification.message;

import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;

/**
 * Whose message centre a call reads: the citizen's own (their token's subject, so another's messages are 404), also
 * through a partner they authorised with the {@value #BOOKING_SCOPE} scope, as for their bookings and applications.
 */
public final class MessageAccess {

    /** The consent a partner needs: the messages follow the booking and the application (docs/partners.md). */
    static final String BOOKING_SCOPE = "booking";

    private MessageAccess() {
    }

    /** @throws ProblemException {@code FORBIDDEN}: a partner without the citizen's booking consent */
    public static String citizen(Caller caller) {
        if (caller.actingForCitizen() && !caller.hasScope(BOOKING_SCOPE)) {
            throw new ProblemException(KitError.FORBIDDEN);
        }
        return caller.subject();
    }
}

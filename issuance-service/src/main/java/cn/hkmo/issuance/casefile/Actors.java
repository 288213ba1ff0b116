package cn.hkmo.issuance.casefile;

import cn.hkmo.kit.identity.Caller;

/** The kit's Caller as the plain {@link Actor} the access rules take. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(Caller caller) {
        return new Actor(caller.subject(), caller.roles(), caller.hallId(), caller.reviewRegion(),
                caller.actingForCitizen(), caller.scopes());
    }
}

package cn.hkmo.appointment;

import cn.hkmo.appointment.booking.Citizen;
import cn.hkmo.appointment.slot.Owner;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;

/**
 * The citizen a booking request acts for, from the token only. A partner platform may act for a citizen
 * only with a token the citizen granted it (subject = citizen, scope {@value Caller#BOOKING_SCOPE}); with its own
 * client-credentials token it can read public data and nothing else.
 */
@RequestScoped
public class CitizenCaller {

    private final Caller caller;
    private final PersonalDataCipher cipher;
    public CitizenCaller(Caller caller, PersonalDataCipher cipher) {
        this.caller = caller;
        this.cipher = cipher;
    }

    /** @throws ProblemException the kit's PARTNER_NOT_AUTHORISED, FORBIDDEN or IDENTITY_NOT_VERIFIED */
    public Citizen require() {
        caller.requireConsent(Caller.BOOKING_SCOPE); // also refuses the partner's own token: no citizen consented
        ResidentId residentId = caller.requireVerifiedCitizen();
        return new Citizen(caller.subject(), residentId.value(), caller.name().orElse(null), caller.mobile().orElse(null));
    }

    public Owner owner(Citizen citizen) {
        return new Owner(citizen.subject(), cipher.lookupHash(citizen.residentId()));
    }

    /** The partner platform that books on the citizen's behalf, if any. */
    public Optional<String> actingClient() {
        return caller.actingForCitizen() ? caller.clientId() : Optional.empty();
    }
}

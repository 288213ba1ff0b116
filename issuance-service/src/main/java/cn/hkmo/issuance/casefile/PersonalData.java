package cn.hkmo.issuance.casefile;

import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.kit.identity.ResidentId;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Resident IDs for the case: checked, with the keyed lookup hash that finds one without opening it. The case's
 * columns themselves are sealed at rest by the kit's Sealed converter.
 */
@ApplicationScoped
public class PersonalData {

    private final PersonalDataCipher cipher;
    private final Clock clock;

    public PersonalData(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /** @throws ResidentId.InvalidResidentIdException if the number is not a valid resident ID */
    public ResidentIdOnFile residentId(String residentId) {
        ResidentId id = ResidentId.parse(residentId, LocalDate.now(clock));
        return new ResidentIdOnFile(id.value(), lookupHash(id), id.masked());
    }

    /** Compares a checked ID with a stored one without decrypting the stored one. */
    public String lookupHash(ResidentId id) {
        return cipher.lookupHash(id.value());
    }
}

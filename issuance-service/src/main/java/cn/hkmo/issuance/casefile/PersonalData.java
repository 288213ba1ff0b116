package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.kit.identity.ResidentId;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/** Seals personal data for the case (encrypted at rest, resident IDs with a lookup hash) and opens it for views. */
@ApplicationScoped
public class PersonalData {

    private final PersonalDataCipher cipher;
    private final Clock clock;

    public PersonalData(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    /** @throws ResidentId.InvalidResidentIdException if the number is not a valid resident ID */
    public SealedResidentId seal(String residentId) {
        ResidentId id = ResidentId.parse(residentId, LocalDate.now(clock));
        return new SealedResidentId(cipher.encrypt(id.value()), cipher.lookupHash(id.value()), id.masked());
    }

    /** Compares a checked ID with a stored one without decrypting the stored one. */
    public String lookupHash(ResidentId id) {
        return cipher.lookupHash(id.value());
    }

    public SealedDelivery seal(Delivery delivery) {
        return new SealedDelivery(delivery.method(), cipher.encrypt(delivery.recipient()), cipher.encrypt(delivery.mobile()),
                cipher.encrypt(delivery.address()));
    }

    public String open(String sealed) {
        return cipher.decrypt(sealed);
    }
}

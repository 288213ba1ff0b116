package cn.hkmo.eligibility.booking;

import cn.hkmo.kit.identity.SealedColumns;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The columns this service seals with its personal-data key, re-sealed by the kit's Reencryption after a rotation. */
@Singleton
public class PersonalDataAtRest {

    /**
     * The applicant as appointment-service announced them: resident ID (found by its lookup hash, which stays), name,
     * mobile and delivery address.
     */
    @Produces
    @Singleton
    SealedColumns bookings() {
        return SealedColumns.of("booking", "booking_no", "resident_id_encrypted", "name", "mobile", "delivery_json");
    }
}

package cn.hkmo.eligibility.booking;

import cn.hkmo.kit.identity.SealedColumns;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The column this service seals with its personal-data key, re-sealed by the kit's Reencryption after a rotation. */
@Singleton
public class PersonalDataAtRest {

    /** The applicant's resident ID as appointment-service announced it (found by its lookup hash, which stays). */
    @Produces
    @Singleton
    SealedColumns bookings() {
        return SealedColumns.of("booking", "booking_no", "resident_id_encrypted");
    }
}

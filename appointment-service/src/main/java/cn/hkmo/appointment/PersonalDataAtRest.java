package cn.hkmo.appointment;

import cn.hkmo.kit.identity.SealedColumns;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The columns this service seals with its personal-data key, re-sealed by the kit's Reencryption after a rotation. */
@Singleton
public class PersonalDataAtRest {

    /** The booking's personal data (resident ID, name, mobile, contacts, address) as one sealed JSON value. */
    @Produces
    @Singleton
    SealedColumns bookings() {
        return SealedColumns.of("booking", "booking_no", "personal_data");
    }

    /** The waiting citizen's mobile, for the offer's text. */
    @Produces
    @Singleton
    SealedColumns waitlist() {
        return SealedColumns.of("waitlist_entry", "id", "mobile_sealed");
    }
}

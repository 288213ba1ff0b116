package cn.hkmo.eligibility.rules.permit;

import java.time.LocalDate;

/** The permit the applicant holds now, as they declare it or as the counter reads it. */
public record CurrentPermit(String number, PermitForm form, LocalDate expiry) {

    public boolean validOn(LocalDate date) {
        return !expiry.isBefore(date);
    }
}

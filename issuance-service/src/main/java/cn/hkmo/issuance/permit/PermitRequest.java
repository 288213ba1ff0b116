package cn.hkmo.issuance.permit;

import cn.hkmo.contracts.common.IssuedEndorsement;

import java.time.LocalDate;
import java.util.List;

/**
 * What an approved and paid case asks to be issued.
 *
 * @param newCard          false for a re-endorsement (再次签注): only endorsements, on the permit held
 * @param existingPermitNo the permit held, for a re-endorsement
 * @param birthDate        the applicant's, for the card's validity
 * @param applicationDate  the acceptance date: age is taken "at application" (FAQ Q55)
 * @param endorsements     the endorsement terms decided at intake
 */
public record PermitRequest(boolean newCard, String existingPermitNo, LocalDate birthDate, LocalDate applicationDate,
                            List<IssuedEndorsement> endorsements) {
}

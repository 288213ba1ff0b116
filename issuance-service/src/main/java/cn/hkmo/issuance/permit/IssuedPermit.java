package cn.hkmo.issuance.permit;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of issuance. For a re-endorsement {@code newCard} is false, the number is the permit
 * held and its validity is not known here (null).
 */
public record IssuedPermit(String permitNo, boolean newCard, CardType cardType, LocalDate validFrom, LocalDate validUntil,
                           LocalDate issueDate, List<GrantedEndorsement> endorsements) {
}

package cn.hkmo.eligibility.rules.familyvisit;

import java.time.LocalDate;

/**
 * A person applying together with the main family-visit applicant.
 *
 * @param birthDate        from their resident ID
 * @param holdsValidPermit they already hold a valid permit (otherwise they apply for one too)
 */
public record Accompanying(AccompanyingRelation relation, LocalDate birthDate, boolean holdsValidPermit) {
}

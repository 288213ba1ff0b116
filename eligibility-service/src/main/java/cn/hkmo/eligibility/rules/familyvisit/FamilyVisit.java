package cn.hkmo.eligibility.rules.familyvisit;

import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;

/**
 * The family-visit part of a T request.
 *
 * @param relationship           the relative's relationship to the applicant
 * @param relativeStatus         the relative's status in HK/Macao
 * @param relativeForeignNational the settled relative holds a foreign nationality (other documents, §2.3)
 * @param minorChildWithSpouse   visiting a settled spouse with whom the applicant has a child under 18 (§2.2)
 * @param specialHardship        special family hardship claimed; needs provincial approval (§2.2)
 * @param repeatVisitSameOffice  the same relative was visited on an application to this same office [FAQ2 Q35]
 */
public record FamilyVisit(
        Relationship relationship,
        RelativeStatus relativeStatus,
        boolean relativeForeignNational,
        boolean minorChildWithSpouse,
        boolean specialHardship,
        boolean repeatVisitSameOffice) {

    public static FamilyVisit of(Relationship relationship, RelativeStatus status) {
        return new FamilyVisit(relationship, status, false, false, false, false);
    }
}

package cn.hkmo.contracts.common;

/**
 * What a family-visit (T, 探亲) endorsement is asked for: the relative in Hong Kong or Macao, the same two facts the
 * eligibility assessment needs before it can decide a T request.
 */
public record FamilyVisitDetails(
        Relationship relationship,
        RelativeStatus relativeStatus) {}

package cn.hkmo.eligibility.rules;

/**
 * One defect of a request that makes it impossible to assess (not a refusal: a refusal is an answer).
 *
 * @param field JSON path of the offending field, e.g. {@code endorsements[0].familyVisit}
 * @param code  stable, e.g. {@code MISSING}, {@code IMPOSSIBLE_COMBINATION}
 * @param message what is wrong, in English; the service localises by code
 */
public record Violation(String field, String code, String message) {
}

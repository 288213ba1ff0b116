package cn.hkmo.eligibility.rules.endorsement;

/**
 * The business part of an S request.
 *
 * @param enterpriseFiled       the enterprise has a valid 商务备案 (filing) with the exit-entry administration
 * @param socialInsuranceMonths consecutive months of social insurance paid by the enterprise, if known
 */
public record Business(BusinessRole role, boolean enterpriseFiled, Integer socialInsuranceMonths) {
}

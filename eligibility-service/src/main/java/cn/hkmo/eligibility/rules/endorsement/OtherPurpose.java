package cn.hkmo.eligibility.rules.endorsement;

/**
 * The reason part of a Q request.
 *
 * @param multipleTripsNecessary the reason truly needs several trips (then 3-month multiple is possible)
 */
public record OtherPurpose(OtherReason reason, boolean multipleTripsNecessary) {
}

package cn.hkmo.eligibility.rules.delegation;

/** What happens with fingerprints at the counter (docs/domain.md#r-materials). */
public enum FingerprintRequirement {
    /** Collect them (unless fingers are missing or damaged). */
    COLLECT,
    /** Verify against those on file in the same province; no new collection. */
    VERIFY,
    /** Under 16: collected only if the guardian agrees. */
    GUARDIAN_DISCRETION,
    /** Endorsement only: no fingerprints needed. */
    NOT_REQUIRED
}

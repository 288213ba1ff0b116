package cn.hkmo.contracts.common;

/**
 * How the maximum stay of an endorsement counts.
 */
public enum StayRule {
    /** Each visit may last up to the maximum stay. */
    PER_VISIT,
    /** The total stay counts from the first entry (e.g. 3-month multiple family visit: 90 days from the first entry). */
    FROM_FIRST_ENTRY
}

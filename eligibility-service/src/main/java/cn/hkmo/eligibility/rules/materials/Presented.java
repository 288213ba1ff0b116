package cn.hkmo.eligibility.rules.materials;

/**
 * What the officer found for one item at the counter.
 *
 * @param acceptable false when the document is there but wrong (expired, illegible, wrong person, copy only)
 * @param note       the officer's words when it is wrong
 */
public record Presented(String key, boolean acceptable, String note) {
}

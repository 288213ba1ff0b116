package cn.hkmo.eligibility.rules.endorsement;

/**
 * The talent part of a talent-endorsement request.
 *
 * @param workRegion    GB/T 2260 code of the place of work
 * @param freeTradeZone the work is in a pilot free-trade zone (eligible from 2025-11-05)
 */
public record Talent(TalentCategory category, String workRegion, boolean freeTradeZone) {
}

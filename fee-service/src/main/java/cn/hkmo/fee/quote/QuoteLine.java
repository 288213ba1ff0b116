package cn.hkmo.fee.quote;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.FeeLine;
import cn.hkmo.fee.schedule.FeeItem;

/**
 * One priced item: the permit, or one endorsement for one destination.
 *
 * @param rule        the item as the fee notice names it, e.g. {@code 一次有效签注(每件)}
 * @param legalBasis  the notices and schedule version the amount comes from
 * @param destination null for the permit
 */
public record QuoteLine(
        FeeItem item,
        Destination destination,
        String description,
        String rule,
        String legalBasis,
        long amountFen) {

    public FeeLine toFeeLine() {
        return new FeeLine(item.name(), description, legalBasis, amountFen);
    }
}

package cn.hkmo.fee.quote;

import cn.hkmo.contracts.common.FeeLine;

import java.time.LocalDate;
import java.util.List;

/**
 * An itemised quote in fen.
 *
 * @param pricedOn              the date whose fees apply (the acceptance date for an application)
 * @param scheduleVersion       the fee schedule version in force on that date
 * @param scheduleEffectiveFrom when that version took effect
 */
public record Quote(
        LocalDate pricedOn,
        int scheduleVersion,
        LocalDate scheduleEffectiveFrom,
        String legalBasis,
        List<QuoteLine> lines,
        long totalFen) {

    public List<FeeLine> feeLines() {
        return lines.stream().map(QuoteLine::toFeeLine).toList();
    }
}

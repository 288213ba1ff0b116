package cn.hkmo.fee.schedule;

import cn.hkmo.contracts.common.Entries;
import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * The item classes the law prices (FAQ Q54): the permit per card, endorsements per item by entries
 * and, for multiple-entry ones, by validity band.
 */
public enum FeeItem {
    PERMIT("往来港澳通行证(每证)"),
    ENDORSEMENT_SINGLE("一次有效签注(每件)"),
    ENDORSEMENT_DOUBLE("二次有效签注(每件)"),
    ENDORSEMENT_MULTIPLE_UP_TO_1Y("短期(不超过一年)多次有效签注(每件)"),
    ENDORSEMENT_MULTIPLE_1Y_TO_2Y("一年以上(不含一年)两年以下(含两年)多次有效签注(每件)"),
    ENDORSEMENT_MULTIPLE_2Y_TO_3Y("两年以上(不含两年)三年以下(不含三年)多次有效签注(每件)"),
    ENDORSEMENT_MULTIPLE_3Y_PLUS("长期(三年以上,含三年)多次有效签注(每件)");

    private final String legalName;

    FeeItem(String legalName) {
        this.legalName = legalName;
    }

    /** The item as the fee notice names it. */
    public String legalName() {
        return legalName;
    }

    /**
     * The item class of an endorsement. The bands are compared as dates from {@code validFrom}, so a
     * period in days or months ({@code P90D}, {@code P18M}) lands exactly where the calendar puts it.
     */
    public static FeeItem ofEndorsement(Entries entries, String isoValidity, LocalDate validFrom) {
        Period validity = parseValidity(isoValidity);
        return switch (entries) {
            case SINGLE -> ENDORSEMENT_SINGLE;
            case DOUBLE -> ENDORSEMENT_DOUBLE;
            case MULTIPLE -> multipleBand(validFrom.plus(validity), validFrom);
        };
    }

    private static FeeItem multipleBand(LocalDate validUntil, LocalDate validFrom) {
        if (!validUntil.isAfter(validFrom.plusYears(1))) {
            return ENDORSEMENT_MULTIPLE_UP_TO_1Y;
        }
        if (!validUntil.isAfter(validFrom.plusYears(2))) {
            return ENDORSEMENT_MULTIPLE_1Y_TO_2Y;
        }
        if (validUntil.isBefore(validFrom.plusYears(3))) {
            return ENDORSEMENT_MULTIPLE_2Y_TO_3Y;
        }
        return ENDORSEMENT_MULTIPLE_3Y_PLUS;
    }

    private static Period parseValidity(String isoValidity) {
        if (isoValidity == null) {
            throw new ProblemException(FeeError.INVALID_VALIDITY, "null");
        }
        try {
            Period validity = Period.parse(isoValidity);
            if (validity.isNegative() || validity.isZero()) {
                throw new ProblemException(FeeError.INVALID_VALIDITY, isoValidity);
            }
            return validity;
        } catch (DateTimeParseException e) {
            throw new ProblemException(FeeError.INVALID_VALIDITY, isoValidity);
        }
    }
}

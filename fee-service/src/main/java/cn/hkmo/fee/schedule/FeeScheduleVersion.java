package cn.hkmo.fee.schedule;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One version of the legal fee schedule: in force from {@code effectiveFrom} until the next version.
 *
 * @param version       1, 2, ... in order of effective date
 * @param legalBasis    the notices that set these fees, e.g. {@code 发改价格〔2019〕914号}
 * @param feesFen       an amount in fen for every {@link FeeItem}
 */
public record FeeScheduleVersion(int version, LocalDate effectiveFrom, String legalBasis, Map<FeeItem, Long> feesFen) {

    public FeeScheduleVersion {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (legalBasis == null || legalBasis.isBlank()) {
            throw new ProblemException(FeeError.SCHEDULE_INCOMPLETE, "legalBasis");
        }
        for (FeeItem item : FeeItem.values()) {
            Long fen = feesFen.get(item);
            if (fen == null || fen < 0) {
                throw new ProblemException(FeeError.SCHEDULE_INCOMPLETE, item);
            }
        }
        // An EnumMap keeps the items in the order of the law, also in JSON.
        feesFen = Collections.unmodifiableMap(new EnumMap<>(feesFen));
    }

    public long feeFen(FeeItem item) {
        return feesFen.get(item);
    }
}

package cn.hkmo.fee.schedule;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.problem.ProblemException;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The whole history of the fee schedule. It only grows: a new version starts after the newest one
 * and after today, so no fee that was ever charged, or is being charged today, can change.
 */
public final class FeeSchedule {

    private final List<FeeScheduleVersion> versions;

    public FeeSchedule(List<FeeScheduleVersion> versions) {
        this.versions = versions.stream().sorted(Comparator.comparing(FeeScheduleVersion::effectiveFrom)).toList();
    }

    public List<FeeScheduleVersion> versions() {
        return versions;
    }

    /** The version that applies to an application accepted (or a request priced) on {@code date}. */
    public FeeScheduleVersion inForceOn(LocalDate date) {
        FeeScheduleVersion found = null;
        for (FeeScheduleVersion version : versions) {
            if (version.effectiveFrom().isAfter(date)) {
                break;
            }
            found = version;
        }
        if (found == null) {
            throw new ProblemException(FeeError.NO_FEE_IN_FORCE, date);
        }
        return found;
    }

    /** The next version, checked against the history; the caller stores it. */
    public FeeScheduleVersion next(LocalDate effectiveFrom, String legalBasis, Map<FeeItem, Long> feesFen, LocalDate today) {
        LocalDate notBefore = versions.isEmpty() ? today : latest(versions.get(versions.size() - 1).effectiveFrom(), today);
        if (!effectiveFrom.isAfter(notBefore)) {
            throw new ProblemException(FeeError.SCHEDULE_NOT_LATER, effectiveFrom, notBefore);
        }
        return new FeeScheduleVersion(versions.size() + 1, effectiveFrom, legalBasis, feesFen);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}

package cn.hkmo.fee.schedule;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The two legal versions as the migration seeds them (FAQ Q54, docs/domain.md#r-fees); a test fixture. */
public final class LegalSchedule {

    /** Permit, single, double, multiple ≤1y, >1–2y, >2–<3y, ≥3y, in fen. */
    public static final FeeScheduleVersion V2017 = version(1, LocalDate.of(2017, 7, 1),
            "发改价格〔2017〕1186号", 8000, 1500, 3000, 8000, 12000, 16000, 24000);
    public static final FeeScheduleVersion V2019 = version(2, LocalDate.of(2019, 7, 1),
            "发改价格〔2017〕1186号；发改价格〔2019〕914号", 6000, 1500, 3000, 8000, 12000, 16000, 24000);

    public static FeeSchedule schedule() {
        return new FeeSchedule(List.of(V2017, V2019));
    }

    /** A version from amounts in the order of {@link FeeItem}'s constants: a table reads better than a map. */
    private static FeeScheduleVersion version(int version, LocalDate effectiveFrom, String legalBasis, long... fen) {
        FeeItem[] items = FeeItem.values();
        Map<FeeItem, Long> fees = new EnumMap<>(FeeItem.class);
        for (int i = 0; i < items.length; i++) {
            fees.put(items[i], fen[i]);
        }
        return new FeeScheduleVersion(version, effectiveFrom, legalBasis, fees);
    }

    private LegalSchedule() {
    }
}

package cn.hkmo.fee.schedule;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeeScheduleTest {

    private final FeeSchedule schedule = LegalSchedule.schedule();

    @Test
    void theVersionInForceIsTheLatestThatStartedOnOrBeforeTheDate() {
        assertThat(schedule.inForceOn(LocalDate.of(2019, 6, 30)).version()).isEqualTo(1);
        assertThat(schedule.inForceOn(LocalDate.of(2019, 7, 1)).version()).isEqualTo(2);
        assertThat(schedule.inForceOn(LocalDate.of(2026, 1, 1)).feeFen(FeeItem.PERMIT)).isEqualTo(6000);
    }

    @Test
    void noFeeBeforeTheFirstVersion() {
        assertThatThrownBy(() -> schedule.inForceOn(LocalDate.of(2017, 6, 30)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FeeError.NO_FEE_IN_FORCE));
    }

    @Test
    void aNewVersionStartsAfterTheNewestAndAfterToday() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        FeeScheduleVersion next = schedule.next(today.plusDays(1), "发改价格〔2026〕1号", fees(5000), today);
        assertThat(next.version()).isEqualTo(3);

        assertThatThrownBy(() -> schedule.next(today, "发改价格〔2026〕1号", fees(5000), today))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FeeError.SCHEDULE_NOT_LATER));
        assertThatThrownBy(() -> schedule.next(LocalDate.of(2019, 7, 1), "x", fees(5000), LocalDate.of(2019, 1, 1)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FeeError.SCHEDULE_NOT_LATER));
    }

    @Test
    void everyItemNeedsAnAmount() {
        Map<FeeItem, Long> fees = fees(5000);
        fees.remove(FeeItem.ENDORSEMENT_DOUBLE);
        assertThatThrownBy(() -> schedule.next(LocalDate.of(2030, 1, 1), "x", fees, LocalDate.of(2026, 1, 1)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FeeError.SCHEDULE_INCOMPLETE));
    }

    private static Map<FeeItem, Long> fees(long permitFen) {
        Map<FeeItem, Long> fees = new EnumMap<>(LegalSchedule.V2019.feesFen());
        fees.put(FeeItem.PERMIT, permitFen);
        return fees;
    }
}

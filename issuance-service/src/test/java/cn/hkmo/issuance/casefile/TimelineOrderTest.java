package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.timeline.TimelineFact;
import cn.hkmo.issuance.timeline.TimelineStep;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineOrderTest {

    private static TimelineFact fact(TimelineStep step, String at) {
        return new TimelineFact(step.name(), step, "A1", "B1", "sub", OffsetDateTime.parse(at), Map.of());
    }

    @Test
    void aPaymentReportedInWholeSecondsDoesNotOvertakeTheAcceptanceOfTheSameSecond() {
        List<TimelineFact> facts = List.of(
                fact(TimelineStep.PAID, "2026-11-20T10:00:05+08:00"),          // platform time: whole seconds
                fact(TimelineStep.ACCEPTED, "2026-11-20T10:00:05.730+08:00"),
                fact(TimelineStep.FEE_ASSESSED, "2026-11-20T10:00:05.910+08:00"),
                fact(TimelineStep.BOOKED, "2026-11-18T09:12:00+08:00"));

        assertThat(Timeline.order(facts)).extracting(Timeline.Step::step)
                .containsExactly(TimelineStep.BOOKED, TimelineStep.ACCEPTED, TimelineStep.FEE_ASSESSED, TimelineStep.PAID);
    }

    @Test
    void stepsSecondsApartKeepTheirTimeOrderEvenAgainstProcessOrder() {
        List<TimelineFact> facts = List.of(
                fact(TimelineStep.APPROVED, "2026-11-20T11:00:00+08:00"),
                fact(TimelineStep.PAID, "2026-11-20T11:00:01Z"));      // other offset, later instant

        assertThat(Timeline.order(facts)).extracting(Timeline.Step::step)
                .containsExactly(TimelineStep.APPROVED, TimelineStep.PAID);
    }

    @Test
    void theRefundARefusalStartsFollowsItInTheSameSecond() {
        // fee-service refunds within the second of the refusal; the refund's event may be recorded first (CI met it)
        List<TimelineFact> facts = List.of(
                fact(TimelineStep.REFUNDED, "2026-12-05T15:39:04.600+08:00"),
                fact(TimelineStep.REFUSED, "2026-12-05T15:39:04.550+08:00"),
                fact(TimelineStep.PAID, "2026-12-05T15:39:03+08:00"));

        assertThat(Timeline.order(facts)).extracting(Timeline.Step::step)
                .containsExactly(TimelineStep.PAID, TimelineStep.REFUSED, TimelineStep.REFUNDED);
    }
}

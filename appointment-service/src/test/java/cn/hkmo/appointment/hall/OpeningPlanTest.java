package cn.hkmo.appointment.hall;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpeningPlanTest {

    @Test
    void windowsStopAtLunchAndAtClosing() {
        var windows = OpeningPlan.weekdaysNineToFive(10).windows();

        assertThat(windows).hasSize(13);
        assertThat(windows.get(0)).isEqualTo(new TimeWindow(LocalTime.of(9, 0), LocalTime.of(9, 30)));
        assertThat(windows.get(5)).isEqualTo(new TimeWindow(LocalTime.of(11, 30), LocalTime.of(12, 0)));
        assertThat(windows.get(6)).isEqualTo(new TimeWindow(LocalTime.of(13, 30), LocalTime.of(14, 0)));
        assertThat(windows.get(12).end()).isEqualTo(LocalTime.of(17, 0));
    }

    @Test
    void aRemainderShorterThanAWindowIsNotOffered() {
        var plan = new OpeningPlan(Set.of(DayOfWeek.SATURDAY), LocalTime.of(9, 0), LocalTime.of(11, 0), null, null,
                Duration.ofMinutes(45), 3);

        assertThat(plan.windows()).containsExactly(
                new TimeWindow(LocalTime.of(9, 0), LocalTime.of(9, 45)),
                new TimeWindow(LocalTime.of(9, 45), LocalTime.of(10, 30)));
    }

    @Test
    void aLunchBreakOutsideOpeningHoursIsRefused() {
        assertThatThrownBy(() -> new OpeningPlan(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(12, 0),
                LocalTime.of(12, 30), LocalTime.of(13, 0), Duration.ofMinutes(30), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package cn.hkmo.appointment.slot;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.Violation;
import cn.hkmo.appointment.hall.Closure;
import cn.hkmo.appointment.hall.FixedHolidays;
import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.appointment.hall.HallDays;
import cn.hkmo.appointment.hall.Halls;
import cn.hkmo.kit.config.ClockProducer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SlotPlannerTest {

    private final SlotPlanner planner = new SlotPlanner(new HallDays(FixedHolidays.Y2026),
            new BookingHorizon(30, Duration.ofHours(2), ClockProducer.BUSINESS_ZONE));
    private final Hall hall = Halls.chaoyang();
    /** Monday 2026-09-14, 10:05 in Beijing. */
    private final Instant now = ZonedDateTime.of(2026, 9, 14, 10, 5, 0, 0, ClockProducer.BUSINESS_ZONE).toInstant();

    @Test
    void todayOffersOnlyWindowsAfterTheMinimumNotice() {
        var today = planner.plan(hall, Map.of(), now, LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 14));

        assertThat(today).singleElement().satisfies(day -> assertThat(day.windows()).first()
                .satisfies(w -> assertThat(w.start()).isEqualTo(LocalTime.of(13, 30))));
    }

    @Test
    void theHorizonEndsThirtyDaysAhead() {
        var days = planner.plan(hall, Map.of(), now, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 12, 31));

        assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2026, 9, 14));
        assertThat(days.get(days.size() - 1).date()).isEqualTo(LocalDate.of(2026, 10, 14));
    }

    @Test
    void holidaysAreClosedAndMakeUpSundaysOpen() {
        var days = planner.plan(hall, Map.of(), now, LocalDate.of(2026, 9, 19), LocalDate.of(2026, 10, 2));

        assertThat(days).noneMatch(d -> d.date().equals(LocalDate.of(2026, 9, 19)));
        assertThat(days).anySatisfy(d -> {
            assertThat(d.date()).isEqualTo(LocalDate.of(2026, 9, 20));
            assertThat(d.windows()).hasSize(13);
        });
        assertThat(days).anySatisfy(d -> {
            assertThat(d.date()).isEqualTo(LocalDate.of(2026, 10, 1));
            assertThat(d.closure()).hasValueSatisfying(c -> assertThat(c.kind()).isEqualTo(Closure.Kind.PUBLIC_HOLIDAY));
            assertThat(d.windows()).isEmpty();
        });
    }

    @Test
    void anAdHocClosureWinsOverThePlan() {
        var days = planner.plan(hall, Map.of(LocalDate.of(2026, 9, 16), "系统升级"), now,
                LocalDate.of(2026, 9, 16), LocalDate.of(2026, 9, 16));

        assertThat(days).singleElement().satisfies(d -> assertThat(d.closure()).hasValueSatisfying(c -> {
            assertThat(c.kind()).isEqualTo(Closure.Kind.AD_HOC);
            assertThat(c.reason()).isEqualTo("系统升级");
        }));
    }

    @Test
    void checkAcceptsAnOpenWindow() {
        assertThat(check(LocalDate.of(2026, 9, 15), LocalTime.of(9, 0))).isNull();
    }

    @Test
    void checkRefusesAWindowThatHasBegun() {
        assertThat(check(LocalDate.of(2026, 9, 14), LocalTime.of(10, 0)).code()).isEqualTo(AppointmentError.WINDOW_IN_PAST);
        assertThat(check(LocalDate.of(2026, 9, 11), LocalTime.of(10, 0)).code()).isEqualTo(AppointmentError.WINDOW_IN_PAST);
    }

    @Test
    void checkRefusesAWindowBeyondTheHorizon() {
        assertThat(check(LocalDate.of(2026, 10, 15), LocalTime.of(9, 0)).code()).isEqualTo(AppointmentError.WINDOW_OUTSIDE_HORIZON);
    }

    @Test
    void checkRefusesAWindowInsideTheMinimumNotice() {
        assertThat(check(LocalDate.of(2026, 9, 14), LocalTime.of(11, 30)).code()).isEqualTo(AppointmentError.WINDOW_TOO_SOON);
    }

    @Test
    void checkRefusesATimeThatIsNoWindow() {
        assertThat(check(LocalDate.of(2026, 9, 15), LocalTime.of(12, 30)).code()).isEqualTo(AppointmentError.WINDOW_NOT_OFFERED);
        assertThat(check(LocalDate.of(2026, 9, 15), LocalTime.of(9, 10)).code()).isEqualTo(AppointmentError.WINDOW_NOT_OFFERED);
    }

    @Test
    void checkRefusesClosedDays() {
        assertThat(check(LocalDate.of(2026, 10, 1), LocalTime.of(9, 0)).code()).isEqualTo(AppointmentError.HALL_CLOSED);
        assertThat(check(LocalDate.of(2026, 9, 19), LocalTime.of(9, 0)).code()).isEqualTo(AppointmentError.HALL_CLOSED);
    }

    private Violation check(LocalDate date, LocalTime start) {
        return planner.check(hall, Map.of(), date, start, now).orElse(null);
    }
}

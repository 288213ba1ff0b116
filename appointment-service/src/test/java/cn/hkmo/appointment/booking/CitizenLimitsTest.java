package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.Violation;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CitizenLimitsTest {

    private final CitizenLimits limits = new CitizenLimits(1, 5, Duration.ofDays(30));

    @Test
    void oneActiveBookingPerDocument() {
        assertThat(limits.check(1, 1, false)).map(Violation::code).hasValue(AppointmentError.ACTIVE_BOOKING_EXISTS);
        assertThat(limits.check(0, 1, false)).isEmpty();
    }

    @Test
    void aRollingLimitStopsScalpers() {
        assertThat(limits.check(0, 5, false)).map(Violation::code).hasValue(AppointmentError.BOOKING_LIMIT_REACHED);
    }

    @Test
    void citizensHitByAClosureRebookDespiteTheRollingLimit() {
        assertThat(limits.check(0, 5, true)).isEmpty();
    }
}

package cn.hkmo.appointment.slot;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;

class WindowAvailabilityTest {

    @Test
    void remainingIsCapacityLessTakenPlusExpiredHolds() {
        var w = WindowAvailability.of(LocalTime.of(9, 0), LocalTime.of(9, 30), 10, 10, 2);
        assertThat(w.remaining()).isEqualTo(2);
        assertThat(w.full()).isFalse();
    }

    @Test
    void fullWhenNothingRemainsEvenIfCapacityShrank() {
        var w = WindowAvailability.of(LocalTime.of(9, 0), LocalTime.of(9, 30), 5, 8, 0);
        assertThat(w.remaining()).isZero();
        assertThat(w.full()).isTrue();
    }
}

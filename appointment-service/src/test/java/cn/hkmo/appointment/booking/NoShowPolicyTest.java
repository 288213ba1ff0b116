package cn.hkmo.appointment.booking;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NoShowPolicyTest {

    private final NoShowPolicy policy = new NoShowPolicy(3, Period.ofMonths(6), Period.ofYears(1));

    @Test
    void threeNoShowsWithinSixMonthsRestrictForAYearFromTheLast() {
        var dates = List.of(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 2), LocalDate.of(2026, 6, 30));

        assertThat(policy.restrictedUntil(dates, LocalDate.of(2026, 9, 1))).hasValue(LocalDate.of(2027, 6, 30));
        assertThat(policy.restrictedUntil(dates, LocalDate.of(2027, 7, 1))).isEmpty();
    }

    @Test
    void noShowsSpreadOverMoreThanSixMonthsDoNotRestrict() {
        var dates = List.of(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 5, 2), LocalDate.of(2026, 7, 11));

        assertThat(policy.restrictedUntil(dates, LocalDate.of(2026, 8, 1))).isEmpty();
    }

    @Test
    void twoNoShowsAreNotEnough() {
        assertThat(policy.restrictedUntil(List.of(LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 2)), LocalDate.of(2026, 8, 3))).isEmpty();
    }

    @Test
    void theStandingSaysWhenBookingOpensAgainInBusinessTime() {
        var dates = List.of(LocalDate.of(2026, 6, 30), LocalDate.of(2026, 1, 10), LocalDate.of(2026, 3, 2));

        BookingStanding restricted = BookingStanding.of(policy, dates, LocalDate.of(2026, 9, 1));
        assertThat(restricted.noShowDates()).first().isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(restricted.restricted()).isTrue();
        assertThat(restricted.restrictedUntil()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(restricted.bookableFrom()).isEqualTo(OffsetDateTime.of(2027, 7, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)));

        BookingStanding open = BookingStanding.of(policy, dates, LocalDate.of(2027, 7, 1));
        assertThat(open.restricted()).isFalse();
        assertThat(open.bookableFrom()).isNull();
        assertThat(open.noShowDates()).hasSize(3);
    }

    @Test
    void onlyRecentNoShowsNeedLoading() {
        assertThat(policy.relevantSince(LocalDate.of(2026, 9, 1))).isEqualTo(LocalDate.of(2025, 3, 1));
    }
}

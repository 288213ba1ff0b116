package cn.hkmo.appointment.booking;

import cn.hkmo.kit.config.ClockProducer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a citizen stands for online booking (预约资格): the no-shows that still count and the restriction they
 * caused, so the H5 can say so before the citizen fills in a form that booking would refuse.
 *
 * @param noShowDates     the days of the no-shows that can still matter ({@link NoShowPolicy#relevantSince}), oldest first
 * @param restrictedUntil the last day online booking is refused; null when it is not
 * @param bookableFrom    when online booking opens again (the start of the day after), in business time; null when
 *                        it is open
 */
public record BookingStanding(List<LocalDate> noShowDates, boolean restricted, LocalDate restrictedUntil,
                              OffsetDateTime bookableFrom) {

    static BookingStanding of(NoShowPolicy policy, List<LocalDate> noShowDates, LocalDate today) {
        List<LocalDate> dates = noShowDates.stream().sorted().toList();
        LocalDate until = policy.restrictedUntil(dates, today).orElse(null);
        return new BookingStanding(dates, until != null, until,
                until == null ? null : until.plusDays(1).atStartOfDay(ClockProducer.BUSINESS_ZONE).toOffsetDateTime());
    }
}

package cn.hkmo.appointment.config;

import cn.hkmo.appointment.AppointmentConfig;
import cn.hkmo.appointment.booking.BookingDeadlines;
import cn.hkmo.appointment.booking.BookingNumber;
import cn.hkmo.appointment.booking.BookingValidator;
import cn.hkmo.appointment.booking.CheckInCode;
import cn.hkmo.appointment.booking.CitizenLimits;
import cn.hkmo.appointment.booking.NoShowPolicy;
import cn.hkmo.appointment.hall.HallDays;
import cn.hkmo.appointment.hall.PublicHolidays;
import cn.hkmo.appointment.slot.BookingHorizon;
import cn.hkmo.appointment.slot.SlotPlanner;
import cn.hkmo.kit.calendar.CalendarSource;
import cn.hkmo.kit.calendar.WorkingDayCalendar;
import cn.hkmo.kit.config.ClockProducer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Optional;

/** Builds the plain rule objects from configuration, so the rules themselves stay framework-free. */
@Singleton
public class RuleProducers {

    @Produces
    @Singleton
    PublicHolidays publicHolidays(CalendarSource calendars) {
        // A year without a State Council notice yet is provisional: halls close on its statutory holidays. Only a
        // year the calendar cannot cover at all leaves halls to their plan rather than refusing all bookings.
        return new PublicHolidays() {
            @Override
            public Optional<String> holidayOn(LocalDate date) {
                WorkingDayCalendar calendar = calendars.current();
                return calendar.covers(date) ? calendar.holidayName(date) : Optional.empty();
            }

            @Override
            public boolean isMakeUpWorkday(LocalDate date) {
                WorkingDayCalendar calendar = calendars.current();
                return calendar.covers(date) && calendar.makeUpWorkdayFor(date).isPresent();
            }
        };
    }

    @Produces
    @Singleton
    HallDays hallDays(PublicHolidays holidays) {
        return new HallDays(holidays);
    }

    @Produces
    @Singleton
    BookingHorizon horizon(AppointmentConfig config) {
        return new BookingHorizon(config.horizonDays(), config.minimumNotice(), ClockProducer.BUSINESS_ZONE);
    }

    @Produces
    @Singleton
    SlotPlanner slotPlanner(HallDays hallDays, BookingHorizon horizon) {
        return new SlotPlanner(hallDays, horizon);
    }

    @Produces
    @Singleton
    BookingDeadlines deadlines(AppointmentConfig config) {
        return new BookingDeadlines(config.checkIn().early(), config.checkIn().late(), ClockProducer.BUSINESS_ZONE);
    }

    @Produces
    @Singleton
    CheckInCode checkInCode(AppointmentConfig config) {
        return new CheckInCode(config.checkIn().secret());
    }

    @Produces
    @Singleton
    CitizenLimits limits(AppointmentConfig config) {
        return new CitizenLimits(config.limits().maxActivePerDocument(), config.limits().maxBookingsPerPeriod(),
                config.limits().period());
    }

    @Produces
    @Singleton
    NoShowPolicy noShowPolicy(AppointmentConfig config) {
        return new NoShowPolicy(config.noShow().threshold(), config.noShow().lookback(), config.noShow().restriction());
    }

    @Produces
    @Singleton
    BookingNumber bookingNumber() {
        return new BookingNumber();
    }

    @Produces
    @Singleton
    BookingValidator bookingValidator() {
        return new BookingValidator();
    }
}

package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.hall.Halls;
import cn.hkmo.appointment.hall.TimeWindow;
import cn.hkmo.appointment.slot.Slot;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.appointments.BookingNoShow;
import cn.hkmo.contracts.appointments.BookingRescheduled;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A booking's transitions: what each changes on the row, and the event it returns for the outbox. */
class BookingTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 9, 14, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    private static final Slot CHAOYANG_WEDNESDAY = new Slot("BJ-CHAOYANG", LocalDate.of(2026, 9, 16),
            new TimeWindow(LocalTime.of(9, 0), LocalTime.of(9, 30)));

    private static Booking booked() {
        Booking booking = new Booking();
        booking.bookingNo = "YY260914K7M2Q9TX4";
        booking.citizenSubject = "citizen-1";
        booking.hukouRegion = "110105";
        booking.status = Booking.Status.BOOKED;
        booking.moveTo(CHAOYANG_WEDNESDAY);
        booking.reminderSentAt = NOW.minusHours(1);
        return booking;
    }

    @Test
    void aCancellationSaysWhyInTheEvent() {
        Booking booking = booked();

        BookingCancelled event = booking.cancel(Booking.CancelReason.HALL_CLOSED, NOW);

        assertThat(booking.status).isEqualTo(Booking.Status.CANCELLED);
        assertThat(booking.cancelReason).isEqualTo(Booking.CancelReason.HALL_CLOSED);
        assertThat(booking.updatedAt).isEqualTo(NOW);
        assertThat(event).isEqualTo(new BookingCancelled("YY260914K7M2Q9TX4", "citizen-1", "BJ-CHAOYANG",
                LocalDate.of(2026, 9, 16), "HALL_CLOSED", NOW));
    }

    @Test
    void aRescheduleToAnotherCityNamesBothWindowsAndMakesTheBookingNonHukou() {
        Booking booking = booked();
        Slot futian = new Slot("SZ-KIOSK", LocalDate.of(2026, 9, 17), new TimeWindow(LocalTime.of(14, 0), LocalTime.of(14, 30)));

        BookingRescheduled event = booking.reschedule(futian, Halls.renewalsOnly(), NOW);

        assertThat(booking.slot()).isEqualTo(futian);
        assertThat(booking.nonHukou).isTrue();
        assertThat(booking.reminderSentAt).as("the reminder is due again for the new window").isNull();
        assertThat(booking.updatedAt).isEqualTo(NOW);
        assertThat(event).isEqualTo(new BookingRescheduled("YY260914K7M2Q9TX4", "citizen-1", "SZ-KIOSK", "440304",
                LocalDate.of(2026, 9, 17), LocalTime.of(14, 0), LocalTime.of(14, 30),
                "BJ-CHAOYANG", LocalDate.of(2026, 9, 16), LocalTime.of(9, 0), NOW));
    }

    @Test
    void aRescheduleWithinTheHukouCityStaysLocal() {
        Booking booking = booked();
        booking.nonHukou = true;

        booking.reschedule(new Slot("BJ-CHAOYANG", LocalDate.of(2026, 9, 18), CHAOYANG_WEDNESDAY.window()),
                Halls.chaoyang(), NOW);

        assertThat(booking.nonHukou).isFalse();
    }

    @Test
    void aCheckInRecordsTheOfficer() {
        Booking booking = booked();

        BookingCheckedIn event = booking.checkIn("officer.bj", NOW);

        assertThat(booking.status).isEqualTo(Booking.Status.CHECKED_IN);
        assertThat(booking.checkedInBy).isEqualTo("officer.bj");
        assertThat(booking.checkedInAt).isEqualTo(NOW);
        assertThat(booking.updatedAt).isEqualTo(NOW);
        assertThat(event).isEqualTo(new BookingCheckedIn("YY260914K7M2Q9TX4", "citizen-1", "BJ-CHAOYANG", "officer.bj", NOW));
    }

    @Test
    void aNoShowNamesTheDayMissed() {
        Booking booking = booked();

        BookingNoShow event = booking.noShow(NOW);

        assertThat(booking.status).isEqualTo(Booking.Status.NO_SHOW);
        assertThat(booking.updatedAt).isEqualTo(NOW);
        assertThat(event).isEqualTo(new BookingNoShow("YY260914K7M2Q9TX4", "citizen-1", "BJ-CHAOYANG",
                LocalDate.of(2026, 9, 16), NOW));
    }
}

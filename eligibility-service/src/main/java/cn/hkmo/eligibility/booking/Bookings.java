package cn.hkmo.eligibility.booking;

import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.appointments.BookingNoShow;
import cn.hkmo.contracts.appointments.BookingRescheduled;
import cn.hkmo.contracts.appointments.HallClosed;
import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.kit.identity.ResidentId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The bookings the counters expect, kept in step with appointment-service's events. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Bookings {

    private static final Logger LOG = Logger.getLogger(Bookings.class);

    private final PersonalDataCipher cipher;
    private final Clock clock;

    public Bookings(PersonalDataCipher cipher, Clock clock) {
        this.cipher = cipher;
        this.clock = clock;
    }

    public void booked(BookingBooked event) {
        if (Booking.findById(event.bookingNo()) != null) {
            return;
        }
        String residentId = event.applicant().residentId();
        Booking booking = new Booking();
        booking.bookingNo = event.bookingNo();
        booking.subject = event.applicant().subject();
        booking.residentId = residentId;
        booking.residentIdHash = cipher.lookupHash(residentId);
        booking.residentIdMasked = ResidentId.mask(residentId);
        booking.name = event.applicant().name();
        booking.mobile = event.applicant().mobile();
        booking.birthDate = event.applicant().birthDate();
        booking.hallId = event.hallId();
        booking.hallRegion = hallRegion(event.bookingNo(), event.hallId(), event.hallRegion());
        booking.bookingDate = event.date();
        booking.hukouRegion = event.hukouRegion();
        booking.nonHukou = event.nonHukou();
        booking.category = event.category().name();
        booking.endorsements = event.endorsements() == null ? List.of() : event.endorsements();
        booking.delivery = event.delivery();
        booking.status = BookingStatus.BOOKED;
        booking.updatedAt = OffsetDateTime.now(clock);
        booking.persist();
    }

    public void checkedIn(BookingCheckedIn event) {
        Booking booking = Booking.findById(event.bookingNo());
        if (booking == null) {
            LOG.warnf("check-in of unknown booking %s ignored", event.bookingNo());
            return;
        }
        if (booking.status == BookingStatus.BOOKED) {
            move(booking, BookingStatus.CHECKED_IN);
        }
    }

    public void rescheduled(BookingRescheduled event) {
        Booking booking = Booking.findById(event.bookingNo());
        if (booking != null && !booking.status.decided()) {
            if (event.hallRegion() != null) {
                booking.hallRegion = hallRegion(event.bookingNo(), event.hallId(), event.hallRegion());
            } else if (!booking.hallId.equals(event.hallId())) {
                LOG.warnf("booking %s moved to hall %s without its region: intake will ask for it", event.bookingNo(), event.hallId());
                booking.hallRegion = null;
            }
            booking.hallId = event.hallId();
            booking.bookingDate = event.date();
            move(booking, BookingStatus.BOOKED);
        }
    }

    /** The hall's region as announced, or null (unknown) when missing or not a mainland GB/T 2260 district code. */
    private static String hallRegion(String bookingNo, String hallId, String announced) {
        if (announced == null) {
            LOG.warnf("booking %s at hall %s announced without hallRegion: intake will ask for it", bookingNo, hallId);
            return null;
        }
        if (!Region.isValid(announced)) {
            LOG.warnf("booking %s at hall %s announced with hallRegion %s, not a GB/T 2260 code: treated as unknown",
                    bookingNo, hallId, announced);
            return null;
        }
        return announced;
    }

    public void cancelled(BookingCancelled event) {
        close(event.bookingNo(), BookingStatus.CANCELLED);
    }

    public void missed(BookingNoShow event) {
        close(event.bookingNo(), BookingStatus.NO_SHOW);
    }

    /** The hall closed on a day: each of its bookings that day is cancelled. */
    public void hallClosed(HallClosed event) {
        event.cancelledBookings().forEach(bookingNo -> close(bookingNo, BookingStatus.CANCELLED));
    }

    /** Cancelled or missed: the counter no longer takes it, unless it was already decided there. */
    private void close(String bookingNo, BookingStatus status) {
        Booking booking = Booking.findById(bookingNo);
        if (booking != null && !booking.status.decided()) {
            move(booking, status);
        }
    }

    private void move(Booking booking, BookingStatus status) {
        booking.status = status;
        booking.updatedAt = OffsetDateTime.now(clock);
    }
}

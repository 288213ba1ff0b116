package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.config.ClockProducer;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.outbox.Outbox;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The officer's side: the day's list of their hall, and check-in by booking number or QR payload. */
@ApplicationScoped
@Transactional
public class CheckInService {

    private final CheckInCode checkInCodes;
    private final BookingViews views;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;

    public CheckInService(CheckInCode checkInCodes, BookingViews views, Outbox outbox, EntityManager entityManager, Clock clock) {
        this.checkInCodes = checkInCodes;
        this.views = views;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** One line of the day's list: enough to greet and identify the applicant, the ID number masked. */
    public record DayEntry(String bookingNo, LocalTime windowStart, LocalTime windowEnd, String name, String residentId,
                           String category, String status, OffsetDateTime checkedInAt) {
    }

    /** Exactly one of the two: the number typed by the officer, or the scanned QR payload. */
    public record CheckInRequest(String bookingNo, String code) {
    }

    public record CheckedIn(String bookingNo, String hallId, LocalDate date, LocalTime windowStart, String name,
                            String residentId, OffsetDateTime checkedInAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DayEntry> day(String hallId, LocalDate date, PageRequest paging) {
        return Page.of(paging, Booking.<Booking>find(
                "hallId = ?1 and date = ?2 and status <> ?3 order by windowStart, bookingNo", hallId, date,
                Booking.Status.CANCELLED), b -> {
            PersonalData personal = b.personalData;
            return new DayEntry(b.bookingNo, b.windowStart, b.windowEnd, personal.name(), ResidentId.mask(personal.residentId()),
                    b.category.name(), b.status.name(), b.checkedInAt);
        });
    }

    /**
     * @throws ProblemException INVALID_CHECK_IN_CODE (forged, altered, or from before a reschedule), BOOKING_NOT_FOUND,
     *                          WRONG_HALL (403), BOOKING_NOT_ACTIVE, CHECK_IN_NOT_OPEN (naming when it opens),
     *                          CHECK_IN_WINDOW_CLOSED
     */
    public CheckedIn checkIn(String officer, String officerHall, CheckInRequest request) {
        Optional<CheckInCode.Claims> claims = Optional.empty();
        String bookingNo = request.bookingNo();
        if (request.code() != null) {
            claims = checkInCodes.verify(request.code());
            bookingNo = claims.orElseThrow(() -> new ProblemException(AppointmentError.INVALID_CHECK_IN_CODE)).bookingNo();
        }
        Booking booking = BookingNumber.isWellFormed(bookingNo)
                ? entityManager.find(Booking.class, bookingNo, LockModeType.PESSIMISTIC_WRITE) : null;
        if (booking == null) {
            throw new ProblemException(AppointmentError.BOOKING_NOT_FOUND, bookingNo);
        }
        if (claims.isPresent() && !(claims.get().hallId().equals(booking.hallId) && claims.get().date().equals(booking.date))) {
            throw new ProblemException(AppointmentError.INVALID_CHECK_IN_CODE);
        }
        if (!booking.hallId.equals(officerHall)) {
            throw new ProblemException(AppointmentError.WRONG_HALL, booking.bookingNo, officerHall);
        }
        if (booking.status != Booking.Status.BOOKED) {
            throw new ProblemException(AppointmentError.BOOKING_NOT_ACTIVE, booking.bookingNo, booking.status);
        }
        Instant opens = views.deadlines().checkInOpens(booking.slot());
        if (clock.instant().isBefore(opens)) {
            throw new ProblemException(AppointmentError.CHECK_IN_NOT_OPEN, booking.bookingNo,
                    opens.atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime(), views.deadlines().checkInEarly().toMinutes());
        }
        if (!views.deadlines().canCheckIn(booking.slot(), clock.instant())) {
            throw new ProblemException(AppointmentError.CHECK_IN_WINDOW_CLOSED, booking.bookingNo, booking.date, booking.windowStart);
        }
        outbox.publish(booking.bookingNo, booking.checkIn(officer, OffsetDateTime.now(clock)));
        PersonalData personal = booking.personalData;
        return new CheckedIn(booking.bookingNo, booking.hallId, booking.date, booking.windowStart, personal.name(),
                ResidentId.mask(personal.residentId()), booking.checkedInAt);
    }
}

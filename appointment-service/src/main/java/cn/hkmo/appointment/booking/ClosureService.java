package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.AppointmentConfig;
import cn.hkmo.appointment.hall.ClosureRequest;
import cn.hkmo.appointment.hall.ClosureView;
import cn.hkmo.appointment.hall.HallClosure;
import cn.hkmo.appointment.hall.HallClosures;
import cn.hkmo.appointment.hall.HallService;
import cn.hkmo.appointment.slot.Hold;
import cn.hkmo.appointment.slot.Locks;
import cn.hkmo.appointment.slot.Places;
import cn.hkmo.appointment.slot.PriorityRebooks;
import cn.hkmo.appointment.slot.Waitlist;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.HallClosed;
import cn.hkmo.kit.outbox.Outbox;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Ad-hoc hall closures. Closing a day cancels its bookings (with an event each, for notification), drops its
 * holds and waitlist, and gives the cancelled citizens priority to rebook. The hall lock is taken exclusively,
 * so a booking running at the same moment either commits first (and is cancelled here) or sees the closure; both
 * closing and reopening bump the hall's revision, which makes every instance reload its snapshot of the hall.
 */
@ApplicationScoped
@Transactional
public class ClosureService implements HallClosures {

    private final HallService halls;
    private final Locks locks;
    private final Places places;
    private final Waitlist waitlist;
    private final PriorityRebooks priorityRebooks;
    private final Outbox outbox;
    private final AppointmentConfig config;
    private final Clock clock;

    public ClosureService(HallService halls, Locks locks, Places places, Waitlist waitlist, PriorityRebooks priorityRebooks,
                          Outbox outbox, AppointmentConfig config, Clock clock) {
        this.halls = halls;
        this.locks = locks;
        this.places = places;
        this.waitlist = waitlist;
        this.priorityRebooks = priorityRebooks;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public ClosureView close(String hallId, ClosureRequest request) {
        if (request.date() == null || request.reason() == null || request.reason().isBlank()) {
            throw new ProblemException(AppointmentError.FIELD_REQUIRED)
                    .withViolation(request.date() == null ? "date" : "reason", AppointmentError.FIELD_REQUIRED);
        }
        locks.hallExclusive(hallId);
        halls.get(hallId);
        if (request.date().isBefore(LocalDate.now(clock))) {
            throw new ProblemException(AppointmentError.WINDOW_IN_PAST, request.date(), "");
        }
        if (HallClosure.count("hallId = ?1 and date = ?2", hallId, request.date()) > 0) {
            throw new ProblemException(AppointmentError.CLOSURE_EXISTS, hallId, request.date());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        HallClosure closure = new HallClosure();
        closure.hallId = hallId;
        closure.date = request.date();
        closure.reason = request.reason();
        closure.createdAt = now;
        closure.persist();
        halls.changed(hallId);

        List<String> cancelled = new ArrayList<>();
        for (Booking booking : Booking.<Booking>find("hallId = ?1 and date = ?2 and status = ?3", hallId,
                request.date(), Booking.Status.BOOKED).withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
            BookingCancelled event = booking.cancel(Booking.CancelReason.HALL_CLOSED, now);
            priorityRebooks.grant(booking.citizenHash, booking.bookingNo, now.toInstant().plus(config.priorityRebookValidity()));
            outbox.publish(booking.bookingNo, event);
            cancelled.add(booking.bookingNo);
        }
        Hold.update("status = ?1 where hallId = ?2 and date = ?3 and status = ?4", Hold.Status.RELEASED, hallId,
                request.date(), Hold.Status.ACTIVE);
        waitlist.closeDay(hallId, request.date());
        places.clearDay(hallId, request.date());
        outbox.publish(hallId, new HallClosed(hallId, request.date(), request.reason(),
                cancelled, now));
        return new ClosureView(hallId, request.date(), request.reason(), cancelled);
    }

    @Override
    public void reopen(String hallId, LocalDate date) {
        locks.hallExclusive(hallId);
        if (HallClosure.delete("hallId = ?1 and date = ?2", hallId, date) == 0) {
            throw new ProblemException(AppointmentError.CLOSURE_NOT_FOUND, hallId, date);
        }
        halls.changed(hallId);
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ClosureView> upcoming(String hallId, PageRequest paging) {
        return Page.of(paging,
                HallClosure.<HallClosure>find("hallId = ?1 and date >= ?2 order by date", hallId, LocalDate.now(clock)),
                c -> new ClosureView(c.hallId, c.date, c.reason, cancelledBy(c)));
    }

    /** The bookings the closure cancelled: they stay cancelled (and listed) after a reopening or a later closure. */
    private static List<String> cancelledBy(HallClosure closure) {
        return Booking.<Booking>find("hallId = ?1 and date = ?2 and status = ?3 and cancelReason = ?4 order by bookingNo",
                        closure.hallId, closure.date, Booking.Status.CANCELLED, Booking.CancelReason.HALL_CLOSED)
                .stream().map(b -> b.bookingNo).toList();
    }
}

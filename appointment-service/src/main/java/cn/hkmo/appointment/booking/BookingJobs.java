package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.AppointmentConfig;
import cn.hkmo.appointment.slot.Holds;
import cn.hkmo.contracts.appointments.ReminderDue;
import cn.hkmo.kit.config.ClockProducer;
import cn.hkmo.kit.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Time-driven transitions: expired holds give their places back, missed windows become no-shows, reminders go
 * out. Each pass claims its rows with {@code for update skip locked}, so several replicas share the work
 * without doing any row twice; nothing else waits for these jobs (availability already ignores expired holds).
 */
@ApplicationScoped
public class BookingJobs {

    private static final int BATCH = 200;

    private final Holds holds;
    private final BookingDeadlines deadlines;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final AppointmentConfig config;
    private final Clock clock;

    public BookingJobs(Holds holds, BookingDeadlines deadlines, Outbox outbox, EntityManager entityManager,
                       AppointmentConfig config, Clock clock) {
        this.holds = holds;
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${hkmo.appointment-jobs.hold-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void expireHolds() {
        holds.expireDue(BATCH);
    }

    @Scheduled(every = "${hkmo.appointment-jobs.no-show-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void noShowSweep() {
        recordNoShows();
    }

    @Scheduled(every = "${hkmo.appointment-jobs.reminder-sweep}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reminderSweep() {
        emitReminders();
    }

    /** Bookings whose check-in closed without a check-in become no-shows (爽约). Returns how many. */
    @Transactional
    public int recordNoShows() {
        Instant now = clock.instant();
        int recorded = 0;
        for (Booking booking : claim("slot_date <= :today order by slot_date, window_end", LocalDate.ofInstant(now,
                ClockProducer.BUSINESS_ZONE))) {
            if (!deadlines.checkInCloses(booking.slot()).isBefore(now)) {
                break; // ordered by end of window: the rest close later still
            }
            outbox.publish(booking.bookingNo, booking.noShow(OffsetDateTime.now(clock)));
            recorded++;
        }
        return recorded;
    }

    /** Reminder events for bookings starting within the reminder lead. Returns how many. */
    @Transactional
    public int emitReminders() {
        Instant now = clock.instant();
        Instant horizon = now.plus(config.reminderLead());
        int sent = 0;
        for (Booking booking : claim("reminder_sent_at is null and slot_date <= :today order by slot_date, window_start",
                LocalDate.ofInstant(horizon, ClockProducer.BUSINESS_ZONE))) {
            Instant startsAt = booking.slot().startsAt(ClockProducer.BUSINESS_ZONE).toInstant();
            if (startsAt.isAfter(horizon)) {
                break;
            }
            booking.reminderSentAt = OffsetDateTime.now(clock);
            outbox.publish(booking.bookingNo, new ReminderDue(booking.bookingNo,
                    booking.citizenSubject, booking.hallId, booking.date, booking.windowStart,
                    startsAt.atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime()));
            sent++;
        }
        return sent;
    }

    private List<Booking> claim(String condition, LocalDate today) {
        @SuppressWarnings("unchecked")
        List<String> numbers = entityManager.createNativeQuery("select booking_no from booking where status = 'BOOKED' and "
                        + condition + " limit :batch for update skip locked")
                .setParameter("today", today).setParameter("batch", BATCH)
                .getResultList();
        return numbers.stream().map(no -> entityManager.find(Booking.class, no)).toList();
    }
}

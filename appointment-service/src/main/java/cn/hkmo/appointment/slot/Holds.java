package cn.hkmo.appointment.slot;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.Violation;
import cn.hkmo.appointment.AppointmentConfig;
import cn.hkmo.appointment.hall.HallSnapshot;
import cn.hkmo.appointment.hall.HallService;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Short holds on a place while the citizen fills the form. A hold takes its place like a booking does,
 * and gives it back when released, used by a booking elsewhere, or expired (sweep, or on demand when a
 * window looks full). A citizen has at most one form hold: a new one releases the previous.
 */
@ApplicationScoped
@Transactional
public class Holds {

    private final HallService halls;
    private final SlotPlanner planner;
    private final Places places;
    private final Waitlist waitlist;
    private final Locks locks;
    private final PriorityRebooks priorityRebooks;
    private final EntityManager entityManager;
    private final AppointmentConfig config;
    private final Clock clock;

    public Holds(HallService halls, SlotPlanner planner, Places places, Waitlist waitlist, Locks locks,
                 PriorityRebooks priorityRebooks, EntityManager entityManager, AppointmentConfig config, Clock clock) {
        this.halls = halls;
        this.planner = planner;
        this.places = places;
        this.waitlist = waitlist;
        this.locks = locks;
        this.priorityRebooks = priorityRebooks;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    public HoldView hold(Owner owner, String hallId, LocalDate date, LocalTime windowStart) {
        Instant now = clock.instant();
        HallSnapshot hall = halls.snapshot(hallId, locks.personThenHallShared(owner.personHash(), hallId));
        Slot slot = bookableSlot(hall, date, windowStart, now);
        Hold.<Hold>list("citizenSubject = ?1 and kind = ?2 and status = ?3", owner.subject(), Hold.Kind.HOLD,
                Hold.Status.ACTIVE).forEach(previous -> release(previous, Hold.Status.RELEASED));
        take(slot, hall.hall().plan().capacityPerWindow(), now);
        OffsetDateTime at = OffsetDateTime.now(clock);
        Hold hold = Hold.of(Hold.Kind.HOLD, slot, owner, at, at.plus(config.holdTtl()));
        hold.persist();
        return HoldView.of(hold, now);
    }

    /**
     * The citizen's own hold or offer, in any status.
     *
     * @throws ProblemException HOLD_NOT_FOUND, also for another citizen's hold (its existence does not leak)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HoldView get(Owner owner, UUID holdId) {
        Hold hold = entityManager.find(Hold.class, holdId);
        if (hold == null || !hold.citizenSubject.equals(owner.subject())) {
            throw new ProblemException(AppointmentError.HOLD_NOT_FOUND, holdId);
        }
        return HoldView.of(hold, clock.instant());
    }

    /** Queues the citizen for a full window (BookingService checks the citizen first); citizens who lost a booking to a closure queue first. */
    public Waitlist.EntryView joinWaitlist(Owner owner, String hallId, LocalDate date, LocalTime windowStart, String mobile) {
        Instant now = clock.instant();
        HallSnapshot hall = halls.snapshot(hallId, locks.personThenHallShared(owner.personHash(), hallId));
        Slot slot = bookableSlot(hall, date, windowStart, now);
        return waitlist.join(owner, hall.hall(), slot, priorityRebooks.has(owner.personHash(), now), mobile);
    }

    /** The citizen gives up a hold or an offer. */
    public void release(Owner owner, UUID holdId) {
        Hold hold = entityManager.find(Hold.class, holdId, LockModeType.PESSIMISTIC_WRITE);
        if (hold == null || !hold.citizenSubject.equals(owner.subject()) || hold.status != Hold.Status.ACTIVE) {
            throw new ProblemException(AppointmentError.HOLD_NOT_FOUND, holdId);
        }
        release(hold, Hold.Status.RELEASED);
    }

    /**
     * Turns the citizen's live hold on {@code slot} into a booking's place (the place stays taken).
     *
     * @throws ProblemException HOLD_NOT_FOUND (not theirs, other window, already used), HOLD_EXPIRED
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void use(Owner owner, UUID holdId, Slot slot) {
        Hold hold = entityManager.find(Hold.class, holdId, LockModeType.PESSIMISTIC_WRITE);
        if (hold == null || !hold.citizenSubject.equals(owner.subject()) || !hold.slot().equals(slot)
                || hold.status == Hold.Status.USED || hold.status == Hold.Status.RELEASED) {
            throw new ProblemException(AppointmentError.HOLD_NOT_FOUND, holdId);
        }
        if (hold.status == Hold.Status.EXPIRED || !hold.expiresAt.toInstant().isAfter(clock.instant())) {
            throw new ProblemException(AppointmentError.HOLD_EXPIRED, holdId, hold.expiresAt);
        }
        hold.status = Hold.Status.USED;
        waitlist.offerUsed(hold.id);
    }

    /**
     * Takes a place of {@code slot}; if the window looks full, first gives back holds that expired without the
     * sweep having run yet.
     *
     * @throws ProblemException SLOT_FULL
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void take(Slot slot, int capacity, Instant now) {
        if (places.take(slot, capacity)) {
            return;
        }
        if (expire(Hold.<Hold>find("hallId = ?1 and date = ?2 and windowStart = ?3 and status = ?4 and expiresAt <= ?5",
                slot.hallId(), slot.date(), slot.window().start(), Hold.Status.ACTIVE,
                OffsetDateTime.now(clock)).withLock(LockModeType.PESSIMISTIC_WRITE).list()) > 0 && places.take(slot, capacity)) {
            return;
        }
        throw new ProblemException(AppointmentError.SLOT_FULL, slot.hallId(), slot.date(), slot.window().start());
    }

    /** Releases up to {@code batch} expired holds; replicas skip each other's rows. Returns how many. */
    public int expireDue(int batch) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = entityManager.createNativeQuery("""
                        select id from slot_hold where status = 'ACTIVE' and expires_at <= :now
                        order by expires_at limit :batch for update skip locked""", UUID.class)
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("batch", batch)
                .getResultList();
        return expire(ids.stream().map(id -> entityManager.find(Hold.class, id)).toList());
    }

    private int expire(List<Hold> holds) {
        holds.forEach(hold -> release(hold, Hold.Status.EXPIRED));
        return holds.size();
    }

    private void release(Hold hold, Hold.Status status) {
        hold.status = status;
        if (hold.kind == Hold.Kind.OFFER) {
            waitlist.offerLapsed(hold.id);
        }
        waitlist.release(hold.slot());
    }

    /** The slot a citizen asks for, if it is bookable now (a window of the plan, open day, within the horizon). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Slot bookableSlot(HallSnapshot hall, LocalDate date, LocalTime windowStart, Instant now) {
        if (date == null || windowStart == null) {
            throw new ProblemException(AppointmentError.FIELD_REQUIRED).withViolation(date == null ? "date" : "windowStart",
                    AppointmentError.FIELD_REQUIRED);
        }
        planner.check(hall.hall(), hall.closures(), date, windowStart, now)
                .ifPresent(v -> {
                    throw Violation.problem(List.of(v));
                });
        return planner.slot(hall.hall(), date, windowStart);
    }
}

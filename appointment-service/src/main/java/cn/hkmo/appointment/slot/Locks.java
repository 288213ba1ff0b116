package cn.hkmo.appointment.slot;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.kit.persistence.AdvisoryLock;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * Transaction-scoped locks that order the writers of a booking:
 * <ul>
 *   <li>a person: their limit checks (one active booking, rolling limit) and writes run one at a time;</li>
 *   <li>a hall: bookings share it, a change of the hall or its closures takes it exclusively, so no booking slips in on
 *   a day being closed, and the hall's revision a booking reads stays current until it commits.</li>
 * </ul>
 * Every path takes them in this order (person, hall, slot rows, booking rows), so they cannot deadlock.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Locks {

    private static final String PERSON = "person:";

    private final EntityManager entityManager;

    public Locks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void person(String personHash) {
        AdvisoryLock.hold(entityManager, PERSON + personHash);
    }

    /**
     * Without waiting: true if this transaction now holds the right to offer a waitlist place to the person. It
     * never blocks, so a release that already holds hall and slot locks cannot deadlock on it (see the order above).
     */
    public boolean tryOfferTo(String personHash) {
        return (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(:key, 0))")
                .setParameter("key", "waitlist-offer:" + personHash)
                .getSingleResult();
    }

    /**
     * The person's lock, then the hall's, in one round trip: the person's is taken before the hall row is read
     * ({@link AdvisoryLock#takenFirst}), so the order above holds. The hall's is shared: any number of bookings at once;
     * it blocks only while the hall, its plan or its closures are being changed (they take it exclusively). Returns the
     * hall's revision, which stays the same until this transaction ends: the key to the hall's snapshot
     * ({@code HallService.snapshot}).
     *
     * @throws ProblemException HALL_NOT_FOUND
     */
    public long personThenHallShared(String personHash, String hallId) {
        List<?> revision = entityManager.createNativeQuery("select revision from hall where id = :id and "
                        + AdvisoryLock.takenFirst("person") + " for key share")
                .setParameter("id", hallId).setParameter("person", PERSON + personHash).getResultList();
        if (revision.isEmpty()) {
            throw new ProblemException(AppointmentError.HALL_NOT_FOUND, hallId);
        }
        return ((Number) revision.get(0)).longValue();
    }

    /** What a booking's first statement read: the hall's revision, and the counters of the window asked for. */
    public record HallShare(long revision, Places.Counter window) {

        /** The window asked for is full now ({@link Places.Counter#full}); false if none of its places was taken yet. */
        public boolean windowFull() {
            return window != null && window.full();
        }
    }

    /**
     * {@link #personThenHallShared(String, String)} for a booking, which reads the counters of the window it asks for in
     * the same round trip: most of a rush's answers are {@code SLOT_FULL}, and they need nothing else from the database.
     * The counters are read without their row's lock, as of the statement's start (see {@link Places.Counter#full}).
     * Without a date or window start (the form is refused later) nothing is read beyond the revision.
     */
    public HallShare personThenHallShared(String personHash, String hallId, LocalDate date, LocalTime windowStart,
                                          Instant now) {
        if (date == null || windowStart == null) {
            return new HallShare(personThenHallShared(personHash, hallId), null);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select hall.revision, %s
                        from hall left join slot_capacity c
                          on c.hall_id = hall.id and c.slot_date = :date and c.window_start = :start
                        where hall.id = :id and %s for key share of hall"""
                        .formatted(Places.COUNTER_COLUMNS, AdvisoryLock.takenFirst("person")))
                .setParameter("id", hallId).setParameter("person", PERSON + personHash)
                .setParameter("date", date).setParameter("start", windowStart).setParameter("now", Places.at(now))
                .getResultList();
        if (rows.isEmpty()) {
            throw new ProblemException(AppointmentError.HALL_NOT_FOUND, hallId);
        }
        return new HallShare(((Number) rows.get(0)[0]).longValue(), Places.Counter.of(rows.get(0), 1));
    }

    /** Exclusive (for update, which conflicts with the bookings' key share): to change a hall's closures. */
    public void hallExclusive(String hallId) {
        entityManager.createNativeQuery("select id from hall where id = :id for update")
                .setParameter("id", hallId).getResultList();
    }
}

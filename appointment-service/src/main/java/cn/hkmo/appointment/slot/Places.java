package cn.hkmo.appointment.slot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Date;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The capacity counters, one row per (hall, day, window). Taking a place is a single conditional update,
 * so concurrent requests on any number of instances sharing the database can never overbook: the row
 * lock serialises them and {@code taken < capacity} is re-checked on the latest row version.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Places {

    private final EntityManager entityManager;

    public Places(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The columns of a window's counters for a query over {@code slot_capacity c}: capacity, taken and its expired holds
     * (at {@code :now}), in the order of {@link Counter#of}.
     */
    static final String COUNTER_COLUMNS = """
            c.capacity, c.taken,
            (select count(*) from slot_hold h
             where h.hall_id = c.hall_id and h.slot_date = c.slot_date and h.window_start = c.window_start
               and h.status = 'ACTIVE' and h.expires_at <= :now)""";

    /** Counters of one window: {@code expiredHolds} are holds past their expiry that the sweep has not yet released. */
    public record Counter(int capacity, int taken, int expiredHolds) {

        /** The {@link Places#COUNTER_COLUMNS} of a result row, from {@code first}; null if the window has no row yet. */
        static Counter of(Object[] row, int first) {
            return row[first] == null ? null : new Counter(((Number) row[first]).intValue(),
                    ((Number) row[first + 1]).intValue(), ((Number) row[first + 2]).intValue());
        }

        /**
         * No place for a new booking now: every place taken and no expired hold that could give one back. Read without
         * the row's lock, so a rush's many late requests are refused without queueing on it: a window full when read is a
         * true answer (places come back only later, by a cancellation or an expiry), and one that is not full is decided
         * by {@link Places#take} under the row lock.
         */
        public boolean full() {
            return taken >= capacity && expiredHolds == 0;
        }
    }

    /**
     * Takes one place if one is left. The row is created on first use with the plan's capacity. Call it as
     * late as possible in the transaction: the row stays locked until commit.
     */
    public boolean take(Slot slot, int capacity) {
        entityManager.createNativeQuery("""
                        insert into slot_capacity (hall_id, slot_date, window_start, window_end, capacity, taken)
                        values (:hall, :date, :start, :end, :capacity, 0)
                        on conflict do nothing""")
                .setParameter("hall", slot.hallId()).setParameter("date", slot.date())
                .setParameter("start", slot.window().start()).setParameter("end", slot.window().end())
                .setParameter("capacity", capacity)
                .executeUpdate();
        return entityManager.createNativeQuery("""
                        update slot_capacity set taken = taken + 1
                        where hall_id = :hall and slot_date = :date and window_start = :start and taken < capacity""")
                .setParameter("hall", slot.hallId()).setParameter("date", slot.date()).setParameter("start", slot.window().start())
                .executeUpdate() == 1;
    }

    /** Gives one place back to the pool (nobody was waiting for it). */
    public void giveBack(Slot slot) {
        entityManager.createNativeQuery("""
                        update slot_capacity set taken = taken - 1
                        where hall_id = :hall and slot_date = :date and window_start = :start and taken > 0""")
                .setParameter("hall", slot.hallId()).setParameter("date", slot.date()).setParameter("start", slot.window().start())
                .executeUpdate();
    }

    /** The counters of a hall's windows that have been used between two days, by day and window start. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<LocalDate, Map<LocalTime, Counter>> counters(String hallId, LocalDate from, LocalDate to, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select c.slot_date, c.window_start, %s
                        from slot_capacity c
                        where c.hall_id = :hall and c.slot_date between :from and :to""".formatted(COUNTER_COLUMNS))
                .setParameter("hall", hallId).setParameter("from", from).setParameter("to", to)
                .setParameter("now", at(now))
                .getResultList();
        Map<LocalDate, Map<LocalTime, Counter>> counters = new HashMap<>();
        for (Object[] row : rows) {
            counters.computeIfAbsent(toDate(row[0]), d -> new HashMap<>())
                    .put(toTime(row[1]), Counter.of(row, 2));
        }
        return counters;
    }

    /** Everything of a closed day is cancelled: its counters start from zero if the day reopens. */
    public void clearDay(String hallId, LocalDate date) {
        entityManager.createNativeQuery("update slot_capacity set taken = 0 where hall_id = :hall and slot_date = :date")
                .setParameter("hall", hallId).setParameter("date", date)
                .executeUpdate();
    }

    /** {@code :now} as the counters' queries compare it with a hold's expiry. */
    static OffsetDateTime at(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    private static LocalTime toTime(Object value) {
        return value instanceof Time time ? time.toLocalTime() : (LocalTime) value;
    }
}

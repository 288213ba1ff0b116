package cn.hkmo.kit.persistence;

import jakarta.persistence.EntityManager;

/**
 * A PostgreSQL advisory lock on a text key, held until the caller's transaction ends: serialises the work on one
 * person, case or year without a row to lock.
 */
public final class AdvisoryLock {

    private AdvisoryLock() {
    }

    /** Waits for the lock on {@code key} and holds it for the rest of the transaction. */
    public static void hold(EntityManager entityManager, String key) {
        entityManager.createNativeQuery("select " + taken("key")).setParameter("key", key).getSingleResult();
    }

    /**
     * A condition that takes the lock on the statement's parameter {@code :parameter} before the statement reads a
     * row: PostgreSQL evaluates a sub-select that depends on no row once, as a one-time filter ahead of the scan (see
     * {@code EXPLAIN}), so a lock and a read take one round trip and keep their order.
     */
    public static String takenFirst(String parameter) {
        return taken(parameter) + " = 1";
    }

    // Counted, not selected: pg_advisory_xact_lock returns void, and a void column sends Hibernate to register a type
    // for it on every call, which throws and catches an exception inside (2% of a booking's CPU when profiled).
    private static String taken(String parameter) {
        return "(select count(*) from pg_advisory_xact_lock(hashtextextended(:" + parameter + ", 0)))";
    }
}

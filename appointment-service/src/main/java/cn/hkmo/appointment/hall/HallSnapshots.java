package cn.hkmo.appointment.hall;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * This instance's snapshots of halls, each reused while the hall's revision in the database is the snapshot's. The
 * caller reads that revision in its own transaction, under the hall's lock, so a change committed by any instance (which
 * bumps the revision in its transaction) is seen by the next booking everywhere.
 */
public final class HallSnapshots {

    // No eviction: at most one entry per hall, and halls are a few thousand nationwide, each with a few closures.
    private final ConcurrentMap<String, HallSnapshot> byHall = new ConcurrentHashMap<>();

    /**
     * The snapshot of {@code hallId} as of {@code revision}: the kept one if it is of that revision, otherwise a fresh
     * one from {@code load}, kept unless a newer one was kept in between (loads of two revisions may race).
     */
    public HallSnapshot at(String hallId, long revision, Function<String, HallSnapshot> load) {
        HallSnapshot kept = byHall.get(hallId);
        if (kept != null && kept.revision() == revision) {
            return kept;
        }
        HallSnapshot loaded = load.apply(hallId);
        byHall.merge(hallId, loaded, (current, fresh) -> fresh.revision() >= current.revision() ? fresh : current);
        return loaded;
    }
}

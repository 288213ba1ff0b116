package cn.hkmo.appointment.hall;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Halls: search for citizens and partners, maintenance for admins, the snapshots bookings check their windows against. */
@ApplicationScoped
@Transactional
public class HallService {

    private final EntityManager entityManager;
    private final Clock clock;
    private final HallSnapshots snapshots = new HallSnapshots();

    public HallService(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** What a search asks for; every criterion is optional. {@code near} sorts by distance. */
    public record Search(String provinceCode, String cityCode, String districtCode, ApplicationCategory category,
                         GeoPoint near, PageRequest paging) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Hall get(String id) {
        return find(id).orElseThrow(() -> new ProblemException(AppointmentError.HALL_NOT_FOUND, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Hall> find(String id) {
        return HallEntity.<HallEntity>findByIdOptional(id).map(HallEntity::toHall);
    }

    /**
     * The hall with its closures as of {@code revision}, which the caller read under the hall's shared lock
     * ({@code Locks.personThenHallShared}): no change can commit before the caller does, so the snapshot stays current
     * for the whole transaction. Read from the database only when the hall changed since this instance last read it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public HallSnapshot snapshot(String hallId, long revision) {
        return snapshots.at(hallId, revision, this::load);
    }

    /**
     * The hall with its closures as of now, without a lock: for reads that only show or pre-check (availability, the
     * booking review), which may miss a change committing at the same moment, as any read would.
     *
     * @throws ProblemException HALL_NOT_FOUND
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public HallSnapshot snapshot(String hallId) {
        List<?> revision = entityManager.createNativeQuery("select revision from hall where id = :id")
                .setParameter("id", hallId).getResultList();
        if (revision.isEmpty()) {
            throw new ProblemException(AppointmentError.HALL_NOT_FOUND, hallId);
        }
        return snapshots.at(hallId, ((Number) revision.get(0)).longValue(), this::load);
    }

    /**
     * The hall's row (with its revision) before its closures: read without the hall's lock, a closure committed in
     * between makes the closures newer than the revision they are kept under, never older, and no booking reads
     * that revision any more.
     */
    private HallSnapshot load(String hallId) {
        HallEntity entity = HallEntity.findById(hallId);
        if (entity == null) {
            throw new ProblemException(AppointmentError.HALL_NOT_FOUND, hallId);
        }
        return new HallSnapshot(entity.toHall(), entity.revision, HallClosure.of(hallId));
    }

    /**
     * Records a change of the hall, its plan or its closures, in the changing transaction: every instance's next
     * booking reads the new revision and reloads the hall. The caller holds the hall exclusively, so bookings (which
     * share it) never see the change half made.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String hallId) {
        entityManager.createNativeQuery("update hall set revision = revision + 1 where id = :id")
                .setParameter("id", hallId).executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<HallView> search(Search search) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (search.provinceCode() != null) {
            where.append(" and provinceCode = :province");
            params.and("province", search.provinceCode());
        }
        if (search.cityCode() != null) {
            where.append(" and cityCode = :city");
            params.and("city", search.cityCode());
        }
        if (search.districtCode() != null) {
            where.append(" and districtCode = :district");
            params.and("district", search.districtCode());
        }
        // A few thousand halls nationwide at most: the category filter and the distance sort run in memory.
        List<Hall> halls = HallEntity.<HallEntity>list(where.toString(), Sort.by("id"), params).stream()
                .map(HallEntity::toHall)
                .filter(h -> search.category() == null || h.handles(search.category()))
                .toList();
        List<HallView> views = new ArrayList<>();
        for (Hall hall : halls) {
            views.add(HallView.of(hall, search.near() == null ? null : round(hall.location().distanceKm(search.near()))));
        }
        if (search.near() != null) {
            views.sort(Comparator.comparingDouble(HallView::distanceKm));
        }
        return Page.of(search.paging(), views);
    }

    public Hall create(Hall hall) {
        if (HallEntity.findById(hall.id()) != null) {
            throw new ProblemException(AppointmentError.HALL_EXISTS, hall.id());
        }
        HallEntity entity = new HallEntity();
        entity.apply(hall, OffsetDateTime.now(clock));
        entity.persist();
        return hall;
    }

    /**
     * Replaces a hall's data and plan. Future windows already in use take the new capacity at once (existing
     * bookings stay even if now above it); windows not yet used pick the new plan up when first booked.
     */
    public Hall update(Hall hall) {
        // For update, as a closure takes it (Locks.hallExclusive): a booking in flight keeps the plan it read.
        entityManager.createNativeQuery("select id from hall where id = :id for update")
                .setParameter("id", hall.id()).getResultList();
        HallEntity entity = HallEntity.findById(hall.id());
        if (entity == null) {
            throw new ProblemException(AppointmentError.HALL_NOT_FOUND, hall.id());
        }
        entity.apply(hall, OffsetDateTime.now(clock));
        entityManager.createNativeQuery("update slot_capacity set capacity = :capacity where hall_id = :hall and slot_date >= :today")
                .setParameter("capacity", hall.plan().capacityPerWindow())
                .setParameter("hall", hall.id())
                .setParameter("today", LocalDate.now(clock))
                .executeUpdate();
        changed(hall.id());
        return hall;
    }

    private static double round(double km) {
        return Math.round(km * 100) / 100.0;
    }
}

package cn.hkmo.fee.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/** Reads the schedule history and appends versions to it. */
@ApplicationScoped
@Transactional
public class FeeScheduleService {

    private final EntityManager entityManager;
    private final Clock clock;

    public FeeScheduleService(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public FeeSchedule schedule() {
        return new FeeSchedule(entityManager
                .createQuery("from FeeScheduleVersionEntity", FeeScheduleVersionEntity.class)
                .getResultList().stream().map(FeeScheduleVersionEntity::toVersion).toList());
    }

    public FeeScheduleVersion add(LocalDate effectiveFrom, String legalBasis, Map<FeeItem, Long> feesFen, String admin) {
        // One append at a time, so two admins cannot both become "the next version".
        entityManager.createNativeQuery("lock table fee_schedule_version in share row exclusive mode").executeUpdate();
        FeeScheduleVersion next = schedule().next(effectiveFrom, legalBasis, feesFen, LocalDate.now(clock));
        entityManager.persist(FeeScheduleVersionEntity.of(next, admin, OffsetDateTime.now(clock)));
        return next;
    }
}

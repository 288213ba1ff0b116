package cn.hkmo.issuance.timeline;

import cn.hkmo.contracts.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/** Writes timeline steps in the caller's transaction and reads them back per application or booking. */
@ApplicationScoped
public class TimelineRecorder {

    private final EntityManager entityManager;

    public TimelineRecorder(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the step an event stands for, if it is one. Callers dedupe deliveries through the inbox. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope event) {
        TimelineEvents.stepOf(event).ifPresent(this::record);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(TimelineFact fact) {
        entityManager.persist(new TimelineEntry(fact));
    }

    /** Steps of an application and of the booking it came from. */
    public List<TimelineFact> of(String applicationNo, String bookingNo) {
        if (bookingNo == null) {
            return entityManager.createQuery("from TimelineEntry where applicationNo = :applicationNo", TimelineEntry.class)
                    .setParameter("applicationNo", applicationNo)
                    .getResultStream().map(TimelineEntry::fact).toList();
        }
        return entityManager.createQuery("from TimelineEntry where applicationNo = :applicationNo or bookingNo = :bookingNo",
                        TimelineEntry.class)
                .setParameter("applicationNo", applicationNo)
                .setParameter("bookingNo", bookingNo)
                .getResultStream().map(TimelineEntry::fact).toList();
    }

    /** Steps of a booking that has no case yet (booked, checked in, correction notice). */
    public List<TimelineFact> ofBooking(String bookingNo) {
        return entityManager.createQuery("from TimelineEntry where bookingNo = :bookingNo", TimelineEntry.class)
                .setParameter("bookingNo", bookingNo)
                .getResultStream().map(TimelineEntry::fact).toList();
    }
}

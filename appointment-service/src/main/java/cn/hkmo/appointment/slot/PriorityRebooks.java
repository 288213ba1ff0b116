package cn.hkmo.appointment.slot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Citizens whose booking a hall closure cancelled keep priority to rebook for a while. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PriorityRebooks {

    private final EntityManager entityManager;

    public PriorityRebooks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void grant(String personHash, String cancelledBookingNo, Instant validUntil) {
        entityManager.createNativeQuery("""
                        insert into priority_rebook (citizen_hash, source_booking_no, valid_until)
                        values (:hash, :booking, :until) on conflict do nothing""")
                .setParameter("hash", personHash).setParameter("booking", cancelledBookingNo)
                .setParameter("until", OffsetDateTime.ofInstant(validUntil, ZoneOffset.UTC))
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean has(String personHash, Instant now) {
        return ((Number) entityManager.createNativeQuery(
                        "select count(*) from priority_rebook where citizen_hash = :hash and valid_until > :now")
                .setParameter("hash", personHash).setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .getSingleResult()).longValue() > 0;
    }
}

package cn.hkmo.issuance.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Payment facts per application (see {@link PaymentFact}). */
@ApplicationScoped
public class PaymentLedger {

    private final EntityManager entityManager;

    public PaymentLedger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(PaymentFact fact) {
        entityManager.persist(fact);
    }

    public boolean isPaid(String applicationNo) {
        return PaymentStanding.isPaid(entityManager
                .createQuery("from PaymentFact where applicationNo = :no", PaymentFact.class)
                .setParameter("no", applicationNo).getResultList());
    }
}

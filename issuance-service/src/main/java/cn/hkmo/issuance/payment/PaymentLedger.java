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

    /**
     * Records a fact once: the same assessment, payment or refund reported again (a republished event has a new id,
     * so the inbox lets it through) is counted once, by its reference number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(PaymentFact fact) {
        entityManager.createNativeQuery("""
                        insert into payment_fact (application_no, order_no, kind, amount_fen, reference_no, occurred_at)
                        values (:application, :order, :kind, :amount, :reference, :at)
                        on conflict (application_no, kind, reference_no) do nothing""")
                .setParameter("application", fact.applicationNo())
                .setParameter("order", fact.orderNo())
                .setParameter("kind", fact.kind().name())
                .setParameter("amount", fact.amountFen())
                .setParameter("reference", fact.reference())
                .setParameter("at", fact.occurredAt())
                .executeUpdate();
    }

    public PaymentStanding standing(String applicationNo) {
        return PaymentStanding.of(entityManager
                .createQuery("from PaymentFact where applicationNo = :no", PaymentFact.class)
                .setParameter("no", applicationNo).getResultList());
    }
}

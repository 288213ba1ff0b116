package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Reading orders, filtered by who asks. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OrderQueries {

    private final EntityManager entityManager;
    private final OrderService orders;

    public OrderQueries(EntityManager entityManager, OrderService orders) {
        this.entityManager = entityManager;
        this.orders = orders;
    }

    public OrderView order(String orderNo, Caller caller) {
        PaymentOrder order = orders.find(orderNo);
        OrderAccess.requireCanRead(order, caller, new ProblemException(FeeError.ORDER_NOT_FOUND, orderNo));
        return OrderView.of(order);
    }

    /** The order, and so the itemised quote, of an accepted application. */
    public OrderView ofApplication(String applicationNo, Caller caller) {
        PaymentOrder order = orders.byApplication(applicationNo)
                .orElseThrow(() -> new ProblemException(FeeError.APPLICATION_NOT_FOUND, applicationNo));
        OrderAccess.requireCanRead(order, caller, new ProblemException(FeeError.APPLICATION_NOT_FOUND, applicationNo));
        return OrderView.of(order);
    }

    /** The order's refunds with where each stands, oldest first: staff of the order's hall and admins. */
    public Page<RefundView> refunds(String orderNo, Caller caller, PageRequest paging) {
        PaymentOrder order = orders.find(orderNo);
        OrderAccess.requireStaff(order, caller);
        return Page.of(paging,
                entityManager.createQuery("from Refund where orderNo = :no order by requestedAt, refundNo", Refund.class)
                        .setParameter("no", orderNo),
                entityManager.createQuery("select count(r) from Refund r where r.orderNo = :no", Long.class)
                        .setParameter("no", orderNo),
                refund -> RefundView.of(refund, order));
    }

    /** The citizen's own orders, newest first (directly or through a partner they authorised). */
    public Page<OrderView> mine(Caller caller, PageRequest paging) {
        OrderAccess.requireCitizen(caller);
        return Page.of(paging,
                entityManager.createQuery("from PaymentOrder where citizenSubject = :subject order by createdAt desc",
                        PaymentOrder.class).setParameter("subject", caller.subject()),
                entityManager.createQuery("select count(o) from PaymentOrder o where o.citizenSubject = :subject",
                        Long.class).setParameter("subject", caller.subject()),
                OrderView::of);
    }

    /** The orders of the officer's hall, newest first. */
    public Page<OrderView> ofMyHall(Caller caller, PageRequest paging) {
        String hallId = caller.hallId().orElseThrow(() -> new ProblemException(KitError.FORBIDDEN));
        return Page.of(paging,
                entityManager.createQuery("from PaymentOrder where hallId = :hall order by createdAt desc", PaymentOrder.class)
                        .setParameter("hall", hallId),
                entityManager.createQuery("select count(o) from PaymentOrder o where o.hallId = :hall", Long.class)
                        .setParameter("hall", hallId),
                OrderView::of);
    }
}

package cn.hkmo.fee.messaging;

import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.fee.alipay.AlipayGateway;
import cn.hkmo.fee.payment.Refund;
import cn.hkmo.fee.payment.RefundReconciliation;
import cn.hkmo.fee.payment.RefundStatus;
import cn.hkmo.fee.payment.Refunds;
import cn.hkmo.fee.payment.RefusalRefunds;
import cn.hkmo.kit.inbox.EventHandlers;
import cn.hkmo.kit.inbox.Inbox;
import cn.hkmo.kit.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code decision.refused} starts the refund of what was paid (docs/domain.md#r-refusal-refund); other issuance
 * events are not ours. The intent is recorded with the event's delivery; the platform is asked once that has
 * committed, so no transaction is held across the network, and a refund it leaves pending is finished by
 * {@link RefundReconciliation}.
 */
@ApplicationScoped
public class IssuanceEventsConsumer {

    public static final String CONSUMER = "fee-refusal-refunds";

    private static final Logger LOG = Logger.getLogger(IssuanceEventsConsumer.class);

    private final Inbox inbox;
    private final Refunds refunds;
    private final EventHandlers handlers;
    /**
     * The refund the record being delivered started, set by the attempt that committed: the handlers are built once,
     * and each record is delivered on its own worker thread, from start to send.
     */
    private final ThreadLocal<Refund> started = new ThreadLocal<>();

    public IssuanceEventsConsumer(Inbox inbox, RefusalRefunds refusalRefunds, Refunds refunds) {
        this.inbox = inbox;
        this.refunds = refunds;
        this.handlers = EventHandlers.create()
                .on(DecisionRefused.class, refused -> started.set(refusalRefunds.start(refused).orElse(null)));
    }

    @Incoming("issuance")
    @Blocking
    public void onIssuance(String record) {
        try {
            inbox.deliver(record, CONSUMER, handlers::handle);
            Refund refund = started.get();
            if (refund != null && refund.status == RefundStatus.REQUESTED) {
                send(refund);
            }
        } finally {
            started.remove();
        }
    }

    /** The event is consumed whatever the platform answers: the intent is recorded, and the reconciliation retries it. */
    private void send(Refund refund) {
        try {
            refunds.complete(refund.orderNo, refund.refundNo, refund.amountFen, refund.reason, refund.requestedBy);
        } catch (AlipayGateway.Refused e) {
            LOG.warnf("refusal refund %s of order %s refused by the platform: %s; staff refund it under a new number",
                    refund.refundNo, refund.orderNo, e.subCode());
        } catch (ProblemException e) {
            LOG.warnf("refusal refund %s still pending (%s): the refund reconciliation asks again", refund.refundNo,
                    e.errorCode().code());
        } catch (RuntimeException e) {
            LOG.errorf(e, "refusal refund %s not sent: the refund reconciliation asks again", refund.refundNo);
        }
    }
}

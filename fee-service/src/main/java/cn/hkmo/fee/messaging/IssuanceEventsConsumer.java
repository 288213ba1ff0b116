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

import java.util.concurrent.atomic.AtomicReference;

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
    private final RefusalRefunds refusalRefunds;
    private final Refunds refunds;

    public IssuanceEventsConsumer(Inbox inbox, RefusalRefunds refusalRefunds, Refunds refunds) {
        this.inbox = inbox;
        this.refusalRefunds = refusalRefunds;
        this.refunds = refunds;
    }

    @Incoming("issuance")
    @Blocking
    public void onIssuance(String record) {
        // the handlers are made per record: they hand the refund the committed attempt started to the send below
        AtomicReference<Refund> started = new AtomicReference<>();
        inbox.deliver(record, CONSUMER, EventHandlers.create()
                .on(DecisionRefused.class, refused -> started.set(refusalRefunds.start(refused).orElse(null)))::handle);
        Refund refund = started.get();
        if (refund != null && refund.status == RefundStatus.REQUESTED) {
            send(refund);
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

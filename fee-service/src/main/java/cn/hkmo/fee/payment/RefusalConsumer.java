package cn.hkmo.fee.payment;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.fee.alipay.AlipayGateway;
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
public class RefusalConsumer {

    static final String CONSUMER = "fee-refusal-refunds";

    private static final Logger LOG = Logger.getLogger(RefusalConsumer.class);

    private final Inbox inbox;
    private final RefusalRefunds refusalRefunds;
    private final Refunds refunds;

    public RefusalConsumer(Inbox inbox, RefusalRefunds refusalRefunds, Refunds refunds) {
        this.inbox = inbox;
        this.refusalRefunds = refusalRefunds;
        this.refunds = refunds;
    }

    @Incoming("issuance")
    @Blocking
    public void onIssuance(String record) {
        AtomicReference<Refund> started = new AtomicReference<>(); // set by the attempt that committed
        inbox.deliver(record, CONSUMER, event -> started.set(apply(event)));
        Refund refund = started.get();
        if (refund != null && refund.status == RefundStatus.REQUESTED) {
            send(refund);
        }
    }

    Refund apply(EventEnvelope event) {
        if (!DecisionRefused.TYPE.equals(event.type())) {
            return null;
        }
        return refusalRefunds.start(event.dataAs(DecisionRefused.class)).orElse(null);
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

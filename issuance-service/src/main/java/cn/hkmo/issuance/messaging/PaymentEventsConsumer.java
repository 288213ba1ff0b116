package cn.hkmo.issuance.messaging;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.payments.FeeAssessed;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.contracts.payments.PaymentRefunded;
import cn.hkmo.issuance.casefile.CaseIntake;
import cn.hkmo.issuance.payment.PaymentFact;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code payments}: issuance waits until the payments cover the assessed fee; refunds take that back until the permit
 * is issued.
 */
@ApplicationScoped
public class PaymentEventsConsumer {

    private final Inbox inbox;
    private final CaseIntake intake;
    private final TimelineRecorder timeline;

    public PaymentEventsConsumer(Inbox inbox, CaseIntake intake, TimelineRecorder timeline) {
        this.inbox = inbox;
        this.intake = intake;
        this.timeline = timeline;
    }

    @Incoming("payments")
    @Blocking
    public void onRecord(String record) {
        inbox.deliver(record, "issuance-payments", this::apply);
    }

    void apply(EventEnvelope event) {
        timeline.record(event);
        switch (event.type()) {
            case FeeAssessed.TYPE -> {
                FeeAssessed f = event.dataAs(FeeAssessed.class);
                intake.payment(new PaymentFact(f.applicationNo(), f.orderNo(), PaymentFact.Kind.ASSESSED, f.totalFen(),
                        f.orderNo(), f.assessedAt()), f.applicationNo());
            }
            case PaymentCompleted.TYPE -> {
                PaymentCompleted p = event.dataAs(PaymentCompleted.class);
                intake.payment(new PaymentFact(p.applicationNo(), p.orderNo(), PaymentFact.Kind.PAID, p.amountFen(),
                        p.channelTradeNo(), p.paidAt()), p.applicationNo());
            }
            case PaymentRefunded.TYPE -> {
                PaymentRefunded r = event.dataAs(PaymentRefunded.class);
                intake.payment(new PaymentFact(r.applicationNo(), r.orderNo(), PaymentFact.Kind.REFUNDED, r.amountFen(),
                        r.refundNo(), r.refundedAt()), r.applicationNo());
            }
            default -> {
                // order closed: timeline only
            }
        }
    }
}

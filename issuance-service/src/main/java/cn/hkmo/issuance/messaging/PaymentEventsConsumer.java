package cn.hkmo.issuance.messaging;

import cn.hkmo.contracts.payments.FeeAssessed;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.contracts.payments.PaymentRefunded;
import cn.hkmo.issuance.casefile.CaseService;
import cn.hkmo.issuance.payment.PaymentFact;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.kit.inbox.EventHandlers;
import cn.hkmo.kit.inbox.Inbox;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code payments}: issuance waits until the payments cover the assessed fee; refunds take that back until the permit
 * is issued. Every payment event is a timeline step (an order closed only that).
 */
@ApplicationScoped
public class PaymentEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    public PaymentEventsConsumer(Inbox inbox, CaseService cases, TimelineRecorder timeline) {
        this.inbox = inbox;
        this.handlers = EventHandlers.create()
                .onEvery(timeline::record)
                .on(FeeAssessed.class, f -> cases.payment(new PaymentFact(f.applicationNo(), f.orderNo(),
                        PaymentFact.Kind.ASSESSED, f.totalFen(), f.orderNo(), f.assessedAt()), f.applicationNo()))
                .on(PaymentCompleted.class, p -> cases.payment(new PaymentFact(p.applicationNo(), p.orderNo(),
                        PaymentFact.Kind.PAID, p.amountFen(), p.channelTradeNo(), p.paidAt()), p.applicationNo()))
                .on(PaymentRefunded.class, r -> cases.payment(new PaymentFact(r.applicationNo(), r.orderNo(),
                        PaymentFact.Kind.REFUNDED, r.amountFen(), r.refundNo(), r.refundedAt()), r.applicationNo()));
    }

    @Incoming("payments")
    @Blocking
    public void onRecord(String record) {
        inbox.deliver(record, "issuance-payments", handlers::handle);
    }
}

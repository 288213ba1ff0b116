package cn.hkmo.fee.payment;

import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.payments.FeeAssessed;
import cn.hkmo.fee.FeeConfig;
import cn.hkmo.fee.FeeError;
import cn.hkmo.fee.quote.Quote;
import cn.hkmo.fee.quote.Quoter;
import cn.hkmo.fee.schedule.FeeScheduleService;
import cn.hkmo.kit.numbering.PublicNumbers;
import cn.hkmo.kit.outbox.Outbox;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The order's life: opened from an accepted application, paid once, closed when it expires. Every
 * change publishes its event through the outbox in the same transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /**
     * Order numbers ({@code FO20260302K7M2Q9TX4B8}, 21 characters, also Alipay's out_trade_no) are random after the
     * day, so they tell nobody how many orders there are; the counter-based ones issued before stay valid.
     */
    private static final int ORDER_NO_RANDOM_LENGTH = 10;

    private final EntityManager entityManager;
    private final FeeScheduleService schedules;
    private final Outbox outbox;
    private final Clock clock;
    private final FeeConfig config;
    private final PublicNumbers numbers = new PublicNumbers();

    public OrderService(EntityManager entityManager, FeeScheduleService schedules, Outbox outbox, Clock clock, FeeConfig config) {
        this.entityManager = entityManager;
        this.schedules = schedules;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** What became of a payment the platform or the counter reported. */
    public enum PaymentOutcome {
        RECORDED,
        /** The same payment again (a repeated notify, a retried counter entry): nothing changes. */
        DUPLICATE,
        /** The order was already paid by another trade: money came twice and needs a refund by staff. */
        PAID_TWICE
    }

    /** Opens the order of an accepted application, priced on its acceptance date; a second call is a no-op. */
    public PaymentOrder open(ApplicationAccepted accepted) {
        Optional<PaymentOrder> existing = byApplication(accepted.applicationNo());
        if (existing.isPresent()) {
            return existing.get();
        }
        Quote quote = Quoter.quote(schedules.schedule(), accepted.acceptanceDate(), accepted.permitRequested(),
                accepted.endorsements() == null ? List.of() : accepted.endorsements());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String orderNo = numbers.next("FO" + now.format(DAY), ORDER_NO_RANDOM_LENGTH,
                candidate -> entityManager.find(PaymentOrder.class, candidate) != null);
        PaymentOrder order = PaymentOrder.open(orderNo, accepted.applicationNo(), accepted.applicant().subject(),
                accepted.hallId(), quote, now, now.plus(config.orderTtl()));
        entityManager.persist(order);
        outbox.publish(order.applicationNo, new FeeAssessed(order.applicationNo,
                order.orderNo, quote.feeLines(), order.totalFen, order.citizenSubject, order.hallId, now));
        return order;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PaymentOrder> byApplication(String applicationNo) {
        return entityManager.createQuery("from PaymentOrder where applicationNo = :no", PaymentOrder.class)
                .setParameter("no", applicationNo).getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PaymentOrder find(String orderNo) {
        PaymentOrder order = entityManager.find(PaymentOrder.class, orderNo);
        if (order == null) {
            throw new ProblemException(FeeError.ORDER_NOT_FOUND, orderNo);
        }
        return order;
    }

    /** The order, locked until the transaction ends: every payment and refund decision goes through here. */
    public PaymentOrder lock(String orderNo) {
        PaymentOrder order = entityManager.find(PaymentOrder.class, orderNo, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            throw new ProblemException(FeeError.ORDER_NOT_FOUND, orderNo);
        }
        return order;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Payment> payment(String orderNo) {
        return entityManager.createQuery("from Payment where orderNo = :no", Payment.class)
                .setParameter("no", orderNo).getResultStream().findFirst();
    }

    /** Records a full payment of a locked order, once; the caller has checked the amount. */
    public PaymentOutcome recordPayment(PaymentOrder order, Channel channel, String channelTradeNo,
                                        OffsetDateTime paidAt, String recordedBy) {
        Payment existing = payment(order.orderNo).orElse(null);
        if (existing != null) {
            if (existing.channel == channel && existing.channelTradeNo.equals(channelTradeNo)) {
                return PaymentOutcome.DUPLICATE;
            }
            LOG.errorf("order %s paid twice: %s %s, then %s %s; refund the second", order.orderNo,
                    existing.channel, existing.channelTradeNo, channel, channelTradeNo);
            return PaymentOutcome.PAID_TWICE;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Payment payment = new Payment();
        payment.orderNo = order.orderNo;
        payment.channel = channel;
        payment.channelTradeNo = channelTradeNo;
        payment.amountFen = order.totalFen;
        payment.paidAt = paidAt != null ? paidAt : now;
        payment.recordedAt = now;
        payment.recordedBy = recordedBy;
        entityManager.persist(payment);
        outbox.publish(order.applicationNo, order.markPaid(payment));
        return PaymentOutcome.RECORDED;
    }

    public void close(PaymentOrder order, String reason) {
        outbox.publish(order.applicationNo, order.close(reason, OffsetDateTime.now(clock)));
    }
}

package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeConfig;
import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.fee.alipay.AlipayAmount;
import cn.hkmo.fee.alipay.AlipayConfig;
import cn.hkmo.fee.alipay.AlipayGateway;
import cn.hkmo.fee.alipay.AlipayGateway.TradeQuery;
import cn.hkmo.fee.alipay.NotifyAuditFields;
import cn.hkmo.fee.alipay.NotifyVerdict;
import cn.hkmo.fee.alipay.NotifyVerifier;
import cn.hkmo.fee.alipay.TradeNotify;
import cn.hkmo.kit.identity.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Paying through Alipay: the mini-program trade, the asynchronous notify, and applying a trade the platform reports paid. */
@ApplicationScoped
@Transactional
public class AlipayPayments {

    private static final Logger LOG = Logger.getLogger(AlipayPayments.class);
    static final String NOTIFY = "alipay-notify";

    private final OrderService orders;
    private final AlipayGateway gateway;
    private final NotifyVerifier verifier;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;
    private final FeeConfig feeConfig;

    public AlipayPayments(OrderService orders, AlipayGateway gateway, AlipayConfig config, EntityManager entityManager,
                          ObjectMapper json, Clock clock, FeeConfig feeConfig) {
        this.feeConfig = feeConfig;
        this.orders = orders;
        this.gateway = gateway;
        this.verifier = new NotifyVerifier(config);
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What a mini-program needs to open the cashier: {@code my.tradePay({ tradeNO: tradeNo })}.
     *
     * @param amount the same amount in yuan, as the cashier shows it
     */
    public record MiniProgramPay(String orderNo, String tradeNo, long amountFen, String amount, OffsetDateTime expiresAt) {
    }

    /** Creates the platform trade for the citizen's own order, or returns the one already created. */
    public MiniProgramPay pay(String orderNo, String buyerOpenId, Caller caller) {
        caller.requireVerifiedCitizen();
        PaymentOrder order = orders.lock(orderNo);
        OrderAccess.requireOwner(order, caller, new ProblemException(FeeError.ORDER_NOT_FOUND, orderNo));
        order.requirePayable(OffsetDateTime.now(clock));
        if (order.alipayTradeNo == null) {
            order.alipayTradeNo = gateway.createTrade(order.orderNo, order.totalFen, subject(order), buyerOpenId,
                    order.expiresAt).tradeNo();
        }
        return new MiniProgramPay(order.orderNo, order.alipayTradeNo, order.totalFen,
                AlipayAmount.toYuan(order.totalFen), order.expiresAt);
    }

    /**
     * What a browser needs to pay: the platform's mobile-web cashier, which returns to {@code returnUrl}.
     *
     * @param amount the same amount in yuan, as the cashier shows it
     */
    public record WapPay(String orderNo, String cashierUrl, long amountFen, String amount, OffsetDateTime expiresAt) {
    }

    /** The signed cashier address for the citizen's own order; the trade itself is created when the cashier opens. */
    public WapPay payOnWeb(String orderNo, String returnUrl, Caller caller) {
        caller.requireVerifiedCitizen();
        String allowedReturn = CashierReturnUrl.require(returnUrl, feeConfig.cashierReturnOrigins());
        PaymentOrder order = orders.lock(orderNo);
        OrderAccess.requireOwner(order, caller, new ProblemException(FeeError.ORDER_NOT_FOUND, orderNo));
        order.requirePayable(OffsetDateTime.now(clock));
        String cashierUrl = gateway.wapCashierUrl(order.orderNo, order.totalFen, subject(order), order.expiresAt, allowedReturn);
        if (order.alipayCashierAt == null) {
            order.alipayCashierAt = OffsetDateTime.now(clock);
        }
        return new WapPay(order.orderNo, cashierUrl, order.totalFen, AlipayAmount.toYuan(order.totalFen), order.expiresAt);
    }

    private static String subject(PaymentOrder order) {
        return "往来港澳通行证及签注费 " + order.applicationNo;
    }

    /**
     * Handles one notify. A refused one is audited with its known fields only (see {@link NotifyAuditFields}).
     *
     * @param requestBytes the declared length of the request body
     * @return true once it is handled (including repeats and states that change nothing), false when it is refused
     */
    public boolean handleNotify(Map<String, String> params, long requestBytes) {
        NotifyVerdict verdict = verifier.verify(params, this::amountOf);
        if (verdict instanceof NotifyVerdict.Rejected rejected) {
            NotifyAuditFields.Kept kept = NotifyAuditFields.of(params);
            LOG.warnf("Alipay notify for %s rejected: %s (%s)", kept.fields().get("out_trade_no"), rejected.reason(),
                    NotifyAuditFields.truncate(rejected.detail(), 200));
            audit(kept.fields(), kept.droppedFields(), requestBytes, "REJECTED_" + rejected.reason(), rejected.detail());
            return false;
        }
        // Verified: signed by the platform, so every field is kept; the signature can be checked again later.
        TradeNotify trade = ((NotifyVerdict.Verified) verdict).trade();
        if (!trade.paid()) {
            audit(params, 0, requestBytes, "NOT_PAID", trade.tradeStatus());
            return true;
        }
        PaymentOrder order = orders.lock(trade.outTradeNo());
        OrderService.PaymentOutcome outcome = orders.recordPayment(order, Channel.ALIPAY, trade.tradeNo(), trade.paidAt(), NOTIFY);
        audit(params, 0, requestBytes, outcome.name(), null);
        return true;
    }

    /**
     * Applies what the platform says about a locked order's trade (reconciliation, counter payment):
     * a paid trade of the exact amount becomes the order's payment.
     *
     * @return true if the trade is paid (and so the order is, now or before)
     */
    boolean applyPlatformState(PaymentOrder order, String recordedBy) {
        TradeQuery trade = gateway.query(order.orderNo);
        if (!trade.exists() || !trade.paid()) {
            return false;
        }
        if (trade.totalAmountFen() != order.totalFen) {
            LOG.errorf("order %s: platform reports %d fen paid, order is %d fen; not applied", order.orderNo,
                    trade.totalAmountFen(), order.totalFen);
            return false;
        }
        orders.recordPayment(order, Channel.ALIPAY, trade.tradeNo(), trade.paidAt(), recordedBy);
        return true;
    }

    private OptionalLong amountOf(String orderNo) {
        PaymentOrder order = entityManager.find(PaymentOrder.class, orderNo);
        return order == null ? OptionalLong.empty() : OptionalLong.of(order.totalFen);
    }

    private void audit(Map<String, String> params, int droppedFields, long requestBytes, String outcome, String detail) {
        NotifyAudit audit = new NotifyAudit();
        audit.receivedAt = OffsetDateTime.now(clock);
        audit.outTradeNo = NotifyAuditFields.truncate(params.get("out_trade_no"), 64);
        audit.tradeNo = NotifyAuditFields.truncate(params.get("trade_no"), 64);
        audit.notifyId = NotifyAuditFields.truncate(params.get("notify_id"), 64);
        audit.tradeStatus = NotifyAuditFields.truncate(params.get("trade_status"), 32);
        audit.outcome = outcome;
        audit.detail = NotifyAuditFields.truncate(detail, 500);
        audit.droppedFields = droppedFields;
        audit.requestBytes = requestBytes;
        try {
            audit.params = json.writeValueAsString(new TreeMap<>(params));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entityManager.persist(audit);
    }
}

package cn.hkmo.fee.alipay;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.problem.ProblemException;
import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayClient;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradeCreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeCreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayTradeCloseResponse;
import com.alipay.api.response.AlipayTradeCreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;

/**
 * The merchant side of Alipay's OpenAPI, through the official SDK: it signs each request with the
 * app key and checks the platform's signature on each response. Only the gateway URL and keys tell
 * the real platform from the simulator.
 */
@ApplicationScoped
public class AlipayGateway {

    private static final Logger LOG = Logger.getLogger(AlipayGateway.class);
    private static final String TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST";
    private static final String TRADE_STATUS_ERROR = "ACQ.TRADE_STATUS_ERROR";
    /** The platform could not tell what it did: the request must be sent again with the same parameters. */
    private static final String SERVICE_UNAVAILABLE_CODE = "20000";
    private static final String SYSTEM_ERROR = "ACQ.SYSTEM_ERROR";

    private final AlipayConfig config;
    private final AlipayClient client;

    public AlipayGateway(AlipayConfig config) throws AlipayApiException {
        this.config = config;
        com.alipay.api.AlipayConfig sdk = new com.alipay.api.AlipayConfig();
        sdk.setServerUrl(config.gatewayUrl());
        sdk.setAppId(config.appId());
        sdk.setPrivateKey(config.appPrivateKey());
        sdk.setAlipayPublicKey(config.alipayPublicKey());
        sdk.setFormat("json");
        sdk.setCharset(config.charset());
        sdk.setSignType(config.signType());
        sdk.setConnectTimeout((int) config.connectTimeout().toMillis());
        sdk.setReadTimeout((int) config.readTimeout().toMillis());
        this.client = new DefaultAlipayClient(sdk);
    }

    /** {@code trade_no} is what a mini-program hands to {@code my.tradePay({ tradeNO })}. */
    public record MiniProgramPayment(String outTradeNo, String tradeNo) {
    }

    /** {@code exists} is false when the citizen never opened the cashier for this order. */
    public record TradeQuery(boolean exists, String tradeNo, String tradeStatus, long totalAmountFen, OffsetDateTime paidAt) {
        public boolean paid() {
            return TradeStatus.isPaid(tradeStatus);
        }
    }

    /**
     * @param fundChanged       false when the platform had already done this refund request (a retry)
     * @param refundedTotalFen  everything refunded on the trade so far
     */
    public record RefundOutcome(boolean fundChanged, long refundedTotalFen) {
    }

    /** The platform answered and refused: it did nothing. {@code subCode} says why (e.g. {@code ACQ.SELLER_BALANCE_NOT_ENOUGH}). */
    public static final class Refused extends ProblemException {

        private final String subCode;
        private final String subMsg;

        Refused(String subCode, String subMsg) {
            super(FeeError.PAYMENT_PLATFORM_REJECTED, subCode, subMsg);
            this.subCode = subCode;
            this.subMsg = subMsg;
        }

        public String subCode() {
            return subCode;
        }

        public String subMsg() {
            return subMsg;
        }
    }

    public enum CloseOutcome {
        CLOSED,
        /** No trade was ever created on the platform for this order number. */
        NOT_FOUND,
        /** The trade is paid (or finished): it cannot be closed, the payment must be applied. */
        ALREADY_PAID
    }

    /** {@code alipay.trade.create}: the trade a mini-program pays; it expires with our order. */
    public MiniProgramPayment createTrade(String outTradeNo, long amountFen, String subject, String buyerOpenId,
                                          OffsetDateTime expiresAt) {
        AlipayTradeCreateModel model = new AlipayTradeCreateModel();
        model.setOutTradeNo(outTradeNo);
        model.setTotalAmount(AlipayAmount.toYuan(amountFen));
        model.setSubject(subject);
        model.setBuyerOpenId(buyerOpenId);
        model.setProductCode("JSAPI_PAY");
        model.setTimeExpire(TradeStatus.format(expiresAt));
        AlipayTradeCreateRequest request = new AlipayTradeCreateRequest();
        request.setBizModel(model);
        request.setNotifyUrl(config.notifyUrl());
        AlipayTradeCreateResponse response = execute(request, "create " + outTradeNo);
        requireSuccess(response, "create " + outTradeNo);
        return new MiniProgramPayment(response.getOutTradeNo(), response.getTradeNo());
    }

    /**
     * {@code alipay.trade.wap.pay}: the signed address of the platform's mobile-web cashier, which the citizen's browser
     * opens (GET). The platform creates the trade when the cashier opens, posts the notify to our notify URL once paid,
     * and sends the browser back to {@code returnUrl} with its synchronous return parameters. Nothing goes over the
     * network here: the SDK only signs.
     */
    public String wapCashierUrl(String outTradeNo, long amountFen, String subject, OffsetDateTime expiresAt, String returnUrl) {
        AlipayTradeWapPayModel model = new AlipayTradeWapPayModel();
        model.setOutTradeNo(outTradeNo);
        model.setTotalAmount(AlipayAmount.toYuan(amountFen));
        model.setSubject(subject);
        model.setProductCode("QUICK_WAP_WAY");
        model.setTimeExpire(TradeStatus.format(expiresAt));
        model.setQuitUrl(returnUrl);
        AlipayTradeWapPayRequest request = new AlipayTradeWapPayRequest();
        request.setBizModel(model);
        request.setNotifyUrl(config.notifyUrl());
        request.setReturnUrl(returnUrl);
        try {
            return client.pageExecute(request, "GET").getBody();
        } catch (AlipayApiException e) {
            LOG.warnf("Alipay wap pay %s not signed: %s", outTradeNo, e.getMessage());
            throw new ProblemException(FeeError.PAYMENT_PLATFORM_UNAVAILABLE);
        }
    }

    /** {@code alipay.trade.query}: what the platform knows, for orders whose notify never came. */
    public TradeQuery query(String outTradeNo) {
        AlipayTradeQueryModel model = new AlipayTradeQueryModel();
        model.setOutTradeNo(outTradeNo);
        AlipayTradeQueryRequest request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        AlipayTradeQueryResponse response = execute(request, "query " + outTradeNo);
        if (TRADE_NOT_EXIST.equals(response.getSubCode())) {
            return new TradeQuery(false, null, null, 0, null);
        }
        requireSuccess(response, "query " + outTradeNo);
        OffsetDateTime paidAt = response.getSendPayDate() == null ? null
                : response.getSendPayDate().toInstant().atOffset(TradeStatus.BEIJING);
        return new TradeQuery(true, response.getTradeNo(), response.getTradeStatus(),
                AlipayAmount.toFen(response.getTotalAmount()), paidAt);
    }

    /**
     * {@code alipay.trade.refund}. The platform refunds each {@code out_request_no} once: a retry with
     * the same number answers {@code fund_change=N} and moves no money.
     *
     * @throws Refused when the platform refused (nothing was refunded)
     * @throws ProblemException {@code PAYMENT_PLATFORM_UNAVAILABLE} when it is unknown whether the platform refunded
     *                          (no answer, an untrusted answer, or the platform's own "system error")
     */
    public RefundOutcome refund(String outTradeNo, String refundNo, long amountFen, String reason) {
        AlipayTradeRefundModel model = new AlipayTradeRefundModel();
        model.setOutTradeNo(outTradeNo);
        model.setOutRequestNo(refundNo);
        model.setRefundAmount(AlipayAmount.toYuan(amountFen));
        model.setRefundReason(reason);
        AlipayTradeRefundRequest request = new AlipayTradeRefundRequest();
        request.setBizModel(model);
        AlipayTradeRefundResponse response = execute(request, "refund " + refundNo);
        if (SERVICE_UNAVAILABLE_CODE.equals(response.getCode()) || SYSTEM_ERROR.equals(response.getSubCode())) {
            // Not a refusal: the refund may have happened, so the caller must keep it open and ask again.
            LOG.warnf("Alipay refund %s outcome unknown: %s %s", refundNo, response.getCode(), response.getSubCode());
            throw new ProblemException(FeeError.PAYMENT_PLATFORM_UNAVAILABLE);
        }
        requireSuccess(response, "refund " + refundNo);
        return new RefundOutcome("Y".equals(response.getFundChange()), AlipayAmount.toFen(response.getRefundFee()));
    }

    /** {@code alipay.trade.close}: no payment can arrive for the order after this. */
    public CloseOutcome close(String outTradeNo) {
        AlipayTradeCloseModel model = new AlipayTradeCloseModel();
        model.setOutTradeNo(outTradeNo);
        AlipayTradeCloseRequest request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        AlipayTradeCloseResponse response = execute(request, "close " + outTradeNo);
        if (TRADE_NOT_EXIST.equals(response.getSubCode())) {
            return CloseOutcome.NOT_FOUND;
        }
        if (TRADE_STATUS_ERROR.equals(response.getSubCode())) {
            return CloseOutcome.ALREADY_PAID;
        }
        requireSuccess(response, "close " + outTradeNo);
        return CloseOutcome.CLOSED;
    }

    private <T extends AlipayResponse> T execute(com.alipay.api.AlipayRequest<T> request, String what) {
        try {
            return client.execute(request);
        } catch (AlipayApiException e) {
            // Network failures and responses whose signature does not verify end here alike: neither is trusted.
            LOG.warnf("Alipay %s failed: %s", what, e.getErrMsg() != null ? e.getErrMsg() : e.getMessage());
            throw new ProblemException(FeeError.PAYMENT_PLATFORM_UNAVAILABLE);
        }
    }

    private static void requireSuccess(AlipayResponse response, String what) {
        if (!response.isSuccess()) {
            LOG.warnf("Alipay %s refused: %s %s", what, response.getSubCode(), response.getSubMsg());
            throw new Refused(response.getSubCode(), response.getSubMsg());
        }
    }
}

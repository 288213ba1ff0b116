package cn.hkmo.fee.alipay;

import cn.hkmo.fee.alipay.NotifyVerdict.Reason;
import cn.hkmo.fee.alipay.NotifyVerdict.Rejected;
import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;

import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Checks an asynchronous notify as Alipay requires: the RSA2 signature over the sorted parameters
 * (all but {@code sign} and {@code sign_type}), then our order number, the exact amount, our seller
 * id and our app id. Anything that fails is rejected, whatever its {@code trade_status} says.
 */
public final class NotifyVerifier {

    /** The reply the platform expects once a notify is handled; anything else makes it retry. */
    public static final String SUCCESS = "success";

    private final String alipayPublicKey;
    private final String appId;
    private final String sellerId;
    private final String charset;
    private final String signType;

    public NotifyVerifier(AlipayConfig config) {
        this(config.alipayPublicKey(), config.appId(), config.sellerId(), config.charset(), config.signType());
    }

    public NotifyVerifier(String alipayPublicKey, String appId, String sellerId, String charset, String signType) {
        this.alipayPublicKey = alipayPublicKey;
        this.appId = appId;
        this.sellerId = sellerId;
        this.charset = charset;
        this.signType = signType;
    }

    /**
     * @param orderAmountFen the amount of our order with that {@code out_trade_no}, empty if we have no such order
     */
    public NotifyVerdict verify(Map<String, String> params, Function<String, OptionalLong> orderAmountFen) {
        if (!signatureValid(params)) {
            return new Rejected(Reason.BAD_SIGNATURE, "signature does not verify with the platform key");
        }
        String outTradeNo = params.get("out_trade_no");
        OptionalLong expected = outTradeNo == null ? OptionalLong.empty() : orderAmountFen.apply(outTradeNo);
        if (expected.isEmpty()) {
            return new Rejected(Reason.UNKNOWN_ORDER, "out_trade_no " + outTradeNo);
        }
        long amountFen;
        try {
            amountFen = AlipayAmount.toFen(params.get("total_amount"));
        } catch (NumberFormatException e) {
            return new Rejected(Reason.AMOUNT_MISMATCH, "total_amount " + params.get("total_amount"));
        }
        if (amountFen != expected.getAsLong()) {
            return new Rejected(Reason.AMOUNT_MISMATCH,
                    "total_amount " + params.get("total_amount") + " != " + AlipayAmount.toYuan(expected.getAsLong()));
        }
        if (!sellerId.equals(params.get("seller_id"))) {
            return new Rejected(Reason.SELLER_MISMATCH, "seller_id " + params.get("seller_id"));
        }
        if (!appId.equals(params.get("app_id"))) {
            return new Rejected(Reason.APP_MISMATCH, "app_id " + params.get("app_id"));
        }
        try {
            return new NotifyVerdict.Verified(new TradeNotify(params.get("notify_id"), outTradeNo,
                    params.get("trade_no"), params.get("trade_status"), amountFen,
                    TradeStatus.parse(params.get("gmt_payment"))));
        } catch (DateTimeParseException e) {
            return new Rejected(Reason.MALFORMED, "gmt_payment " + params.get("gmt_payment"));
        }
    }

    private boolean signatureValid(Map<String, String> params) {
        if (params.get("sign") == null) {
            return false;
        }
        try {
            // The SDK removes sign and sign_type from the map it is given: hand it a copy.
            return AlipaySignature.rsaCheckV1(new HashMap<>(params), alipayPublicKey, charset, signType);
        } catch (AlipayApiException | RuntimeException e) {
            // A mangled signature (bad base64, wrong length) is just a signature that does not verify.
            return false;
        }
    }
}

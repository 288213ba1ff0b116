package cn.hkmo.fee.simulator;

import cn.hkmo.fee.alipay.AlipayAmount;
import cn.hkmo.fee.alipay.TradeStatus;
import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A stand-in for Alipay's open platform, for the local run and the tests: it checks the merchant's
 * request signatures, keeps trades in memory, answers with signed responses in the platform's
 * format, and sends signed notifies with retries. It plays the citizen's payment on request.
 */
@ApplicationScoped
public class SimulatedPlatform {

    private static final String CHARSET = "UTF-8";
    private static final String SIGN_TYPE = "RSA2";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final SimulatorConfig config;
    private final Clock clock;
    private final NotifyDelivery delivery;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, SimulatedTrade> trades = new ConcurrentHashMap<>();
    /** Faults waiting for the next refund calls, by {@code out_request_no}; guarded by {@code this}. */
    private final Map<String, ArrayDeque<RefundFault>> refundFaults = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    public SimulatedPlatform(SimulatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.delivery = new NotifyDelivery(config.notifyRetryDelays(), config.notifyTimeout());
    }

    /** The simulator's keys exist only where it is enabled (dev, test). */
    private static String required(java.util.Optional<String> setting, String name) {
        return setting.orElseThrow(() -> new IllegalStateException("hkmo.simulator.alipay." + name + " is not set"));
    }

    @PreDestroy
    void stop() {
        delivery.close();
    }

    public record Payment(String outTradeNo, String tradeNo, String tradeStatus) {
    }

    /** What happens to the next refund calls of one request number, for tests of an unreliable platform. */
    public enum RefundFault {
        /** The call never reaches the platform: nothing is refunded, the merchant sees a network failure. */
        UNREACHABLE,
        /** The platform refunds, then its answer is lost on the way back: the merchant sees a network failure. */
        ANSWER_LOST,
        /** The platform refuses with {@code ACQ.SELLER_BALANCE_NOT_ENOUGH}: nothing is refunded. */
        REFUSED
    }

    /** The HTTP exchange failed (no answer reached the merchant); the gateway endpoint answers 504. */
    public static class NetworkFailure extends RuntimeException {
        NetworkFailure(String message) {
            super(message);
        }
    }

    /** Thrown for a "pay" the platform would not allow (unknown, closed or paid trade). */
    public static class NotPayable extends RuntimeException {
        NotPayable(String message) {
            super(message);
        }
    }

    /** The platform refuses a call: {@code code} 40002 (bad arguments, signature) or 40004 (business), with its sub code. */
    public static class Refused extends RuntimeException {
        final String code;
        final String subCode;
        final String subMsg;

        Refused(String code, String subCode, String subMsg) {
            super(subCode + " " + subMsg);
            this.code = code;
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

    /** What the mobile-web cashier shows for a trade. */
    public record Cashier(String outTradeNo, String subject, String amount, String tradeStatus) {
    }

    /** One call to {@code gateway.do}: all query and form parameters, as the SDK sends them. */
    public String gateway(Map<String, String> params) {
        String method = params.getOrDefault("method", "");
        String root = method.replace('.', '_') + "_response";
        JsonNode biz;
        try {
            biz = checkedBizContent(params);
        } catch (Refused e) {
            return failure(root, e);
        }
        synchronized (this) {
            return switch (method) {
                case "alipay.trade.create" -> create(root, biz, params.get("notify_url"));
                case "alipay.trade.query" -> query(root, biz);
                case "alipay.trade.refund" -> refund(root, biz);
                case "alipay.trade.close" -> close(root, biz);
                default -> failure(root, "40002", "Invalid Arguments", "isv.invalid-method", "不存在的方法名");
            };
        }
    }

    /**
     * A page call opened by the citizen's browser ({@code alipay.trade.wap.pay}, a GET of the signed address the merchant
     * built): checked like any call, then the trade is created (or found again) and the cashier shows it.
     *
     * @throws Refused where the platform shows its error page instead
     */
    public Cashier openCashier(Map<String, String> params) {
        JsonNode biz = checkedBizContent(params);
        if (!"alipay.trade.wap.pay".equals(params.get("method"))) {
            throw new Refused("40002", "isv.invalid-method", "不存在的方法名");
        }
        if (!"QUICK_WAP_WAY".equals(biz.path("product_code").asText()) || params.get("return_url") == null) {
            throw new Refused("40004", "ACQ.INVALID_PARAMETER", "参数无效");
        }
        synchronized (this) {
            SimulatedTrade trade = openTrade(biz, params.get("notify_url"));
            trade.returnUrl = params.get("return_url");
            return new Cashier(trade.outTradeNo, trade.subject, AlipayAmount.toYuan(trade.totalFen), statusOf(trade));
        }
    }

    /**
     * The citizen presses Pay in the mobile-web cashier: the trade is paid and its notify sent, and the browser goes back
     * to the merchant's {@code return_url} with the synchronous return parameters, signed by the platform.
     *
     * @return the address the browser is sent to
     */
    public String payInCashier(String outTradeNo) {
        pay(outTradeNo, true);
        SimulatedTrade trade = trades.get(outTradeNo);
        if (trade.returnUrl == null) {
            throw new NotPayable("trade " + outTradeNo + " was not opened in a mobile-web cashier");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("charset", CHARSET);
        params.put("out_trade_no", trade.outTradeNo);
        params.put("method", "alipay.trade.wap.pay.return");
        params.put("total_amount", AlipayAmount.toYuan(trade.totalFen));
        params.put("trade_no", trade.tradeNo);
        params.put("auth_app_id", required(config.appId(), "appId"));
        params.put("version", "1.0");
        params.put("app_id", required(config.appId(), "appId"));
        params.put("sign_type", SIGN_TYPE);
        params.put("seller_id", required(config.sellerId(), "sellerId"));
        params.put("timestamp", TradeStatus.format(OffsetDateTime.now(clock)));
        String query = sign(params).entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return trade.returnUrl + (trade.returnUrl.contains("?") ? "&" : "?") + query;
    }

    /** The citizen pays in the cashier; with {@code sendNotify} false the notify is lost on the way. */
    public Payment pay(String outTradeNo, boolean sendNotify) {
        SimulatedTrade trade;
        synchronized (this) {
            trade = trades.get(outTradeNo);
            if (trade == null || !TradeStatus.WAIT_BUYER_PAY.equals(statusOf(trade))) {
                throw new NotPayable("trade " + outTradeNo + " is " + (trade == null ? "unknown" : statusOf(trade)));
            }
            trade.status = TradeStatus.TRADE_SUCCESS;
            trade.paidAt = OffsetDateTime.now(clock);
        }
        if (sendNotify) {
            delivery.deliverUntilSuccess(trade.notifyUrl, () -> notify(trade));
        }
        return new Payment(trade.outTradeNo, trade.tradeNo, trade.status);
    }

    /** The next {@code times} refund calls with this {@code out_request_no} suffer {@code fault}. */
    public synchronized void failRefunds(String outRequestNo, RefundFault fault, int times) {
        ArrayDeque<RefundFault> queue = refundFaults.computeIfAbsent(outRequestNo, no -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    /** What the platform paid back on a trade, by {@code out_request_no} (each moved money exactly once). */
    public synchronized Map<String, Long> refunds(String outTradeNo) {
        SimulatedTrade trade = trades.get(outTradeNo);
        return trade == null ? Map.of() : Map.copyOf(trade.refunds);
    }

    /** The signed notify the platform sends for the trade's current state. */
    public Map<String, String> notifyParams(String outTradeNo) {
        SimulatedTrade trade = trades.get(outTradeNo);
        if (trade == null) {
            throw new NotPayable("trade " + outTradeNo + " is unknown");
        }
        return notify(trade);
    }

    /** Sends one and the same signed notify {@code times} times at once; the merchant's replies. */
    public List<String> sendNotify(String outTradeNo, int times) {
        SimulatedTrade trade = trades.get(outTradeNo);
        if (trade == null) {
            throw new NotPayable("trade " + outTradeNo + " is unknown");
        }
        Map<String, String> params = notify(trade);
        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            replies.add(CompletableFuture.supplyAsync(() -> delivery.post(trade.notifyUrl, params)));
        }
        return replies.stream().map(CompletableFuture::join).toList();
    }

    /** Signs parameters with the platform key, as a notify is signed. */
    public Map<String, String> sign(Map<String, String> params) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.put("sign", signContent(AlipaySignature.getSignCheckContentV1(new HashMap<>(params))));
        return signed;
    }

    /** App id and request signature checked, the business content parsed: what every call goes through first. */
    private JsonNode checkedBizContent(Map<String, String> params) {
        if (!required(config.appId(), "appId").equals(params.get("app_id"))) {
            throw new Refused("40002", "isv.invalid-app-id", "无效的AppID参数");
        }
        if (!requestSignatureValid(params)) {
            throw new Refused("40002", "isv.invalid-signature", "验签出错");
        }
        try {
            return json.readTree(params.getOrDefault("biz_content", "{}"));
        } catch (JsonProcessingException e) {
            throw new Refused("40002", "isv.invalid-biz-content", "业务参数格式错误");
        }
    }

    private String create(String root, JsonNode biz, String notifyUrl) {
        try {
            return signed(root, tradeIds(openTrade(biz, notifyUrl)));
        } catch (Refused e) {
            return failure(root, e);
        }
    }

    /** A new trade, or the same one again for a repeated call; a changed amount is refused. */
    private SimulatedTrade openTrade(JsonNode biz, String notifyUrl) {
        String outTradeNo = biz.path("out_trade_no").asText("");
        long totalFen;
        try {
            totalFen = AlipayAmount.toFen(biz.path("total_amount").asText(null));
        } catch (NumberFormatException e) {
            throw new Refused("40004", "ACQ.INVALID_PARAMETER", "参数无效");
        }
        if (outTradeNo.isEmpty() || totalFen <= 0 || notifyUrl == null) {
            throw new Refused("40004", "ACQ.INVALID_PARAMETER", "参数无效");
        }
        SimulatedTrade existing = trades.get(outTradeNo);
        if (existing != null) {
            // The platform answers a repeated create with the same trade, and refuses a changed one.
            if (existing.totalFen != totalFen) {
                throw new Refused("40004", "ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
            }
            return existing;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String expire = biz.path("time_expire").asText(null);
        SimulatedTrade trade = new SimulatedTrade(outTradeNo,
                now.format(DAY) + "22001" + String.format("%09d", sequence.incrementAndGet()),
                totalFen, biz.path("subject").asText(""), biz.path("buyer_open_id").asText(null), notifyUrl, now,
                expire == null ? null : TradeStatus.parse(expire), "2088" + String.format("%012d", Math.abs(outTradeNo.hashCode())));
        trades.put(outTradeNo, trade);
        return trade;
    }

    private String query(String root, JsonNode biz) {
        SimulatedTrade trade = trades.get(biz.path("out_trade_no").asText(""));
        if (trade == null) {
            return failure(root, "40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        Map<String, Object> body = tradeIds(trade);
        body.put("trade_status", statusOf(trade));
        body.put("total_amount", AlipayAmount.toYuan(trade.totalFen));
        body.put("buyer_user_id", trade.buyerId);
        body.put("buyer_open_id", trade.buyerOpenId);
        if (trade.paidAt != null) {
            body.put("buyer_pay_amount", AlipayAmount.toYuan(trade.totalFen));
            body.put("send_pay_date", TradeStatus.format(trade.paidAt));
        }
        return signed(root, body);
    }

    private String refund(String root, JsonNode biz) {
        SimulatedTrade trade = trades.get(biz.path("out_trade_no").asText(""));
        if (trade == null) {
            return failure(root, "40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        String requestNo = biz.path("out_request_no").asText(biz.path("out_trade_no").asText());
        ArrayDeque<RefundFault> faults = refundFaults.get(requestNo);
        RefundFault fault = faults == null ? null : faults.poll();
        if (fault == RefundFault.UNREACHABLE) {
            throw new NetworkFailure("refund " + requestNo + ": the request never reached the platform");
        }
        if (fault == RefundFault.REFUSED) {
            return failure(root, "40004", "Business Failed", "ACQ.SELLER_BALANCE_NOT_ENOUGH", "卖家余额不足");
        }
        long amountFen;
        try {
            amountFen = AlipayAmount.toFen(biz.path("refund_amount").asText(null));
        } catch (NumberFormatException e) {
            return failure(root, "40004", "Business Failed", "ACQ.INVALID_PARAMETER", "参数无效");
        }
        Long done = trade.refunds.get(requestNo);
        boolean fundChange;
        if (done != null) {
            // A retried request number moves no money again.
            if (done != amountFen) {
                return failure(root, "40004", "Business Failed", "ACQ.DISCORDANT_REPEAT_REQUEST", "请求信息不一致");
            }
            fundChange = false;
        } else {
            if (trade.paidAt == null) {
                return failure(root, "40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            }
            if (amountFen <= 0 || trade.refundedFen + amountFen > trade.totalFen) {
                return failure(root, "40004", "Business Failed", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
            }
            trade.refunds.put(requestNo, amountFen);
            trade.refundedFen += amountFen;
            if (trade.refundedFen == trade.totalFen) {
                trade.status = TradeStatus.TRADE_CLOSED;
            }
            fundChange = true;
        }
        if (fault == RefundFault.ANSWER_LOST) {
            throw new NetworkFailure("refund " + requestNo + ": done, the answer was lost on the way back");
        }
        Map<String, Object> body = tradeIds(trade);
        body.put("fund_change", fundChange ? "Y" : "N");
        body.put("refund_fee", AlipayAmount.toYuan(trade.refundedFen));
        body.put("gmt_refund_pay", TradeStatus.format(OffsetDateTime.now(clock)));
        return signed(root, body);
    }

    private String close(String root, JsonNode biz) {
        SimulatedTrade trade = trades.get(biz.path("out_trade_no").asText(""));
        if (trade == null) {
            return failure(root, "40004", "Business Failed", "ACQ.TRADE_NOT_EXIST", "交易不存在");
        }
        if (trade.paidAt != null) {
            return failure(root, "40004", "Business Failed", "ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }
        trade.status = TradeStatus.TRADE_CLOSED;
        return signed(root, tradeIds(trade));
    }

    /** An unpaid trade past its {@code time_expire} is closed, whether or not anyone asked. */
    private String statusOf(SimulatedTrade trade) {
        if (TradeStatus.WAIT_BUYER_PAY.equals(trade.status) && trade.expiresAt != null
                && !OffsetDateTime.now(clock).isBefore(trade.expiresAt)) {
            trade.status = TradeStatus.TRADE_CLOSED;
        }
        return trade.status;
    }

    private synchronized Map<String, String> notify(SimulatedTrade trade) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("notify_time", TradeStatus.format(OffsetDateTime.now(clock)));
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", UUID.nameUUIDFromBytes((trade.tradeNo + trade.status).getBytes()).toString().replace("-", ""));
        params.put("app_id", required(config.appId(), "appId"));
        params.put("charset", CHARSET);
        params.put("version", "1.0");
        params.put("sign_type", SIGN_TYPE);
        params.put("trade_no", trade.tradeNo);
        params.put("out_trade_no", trade.outTradeNo);
        params.put("buyer_id", trade.buyerId);
        params.put("seller_id", required(config.sellerId(), "sellerId"));
        params.put("trade_status", trade.status);
        params.put("total_amount", AlipayAmount.toYuan(trade.totalFen));
        params.put("receipt_amount", AlipayAmount.toYuan(trade.totalFen));
        params.put("buyer_pay_amount", AlipayAmount.toYuan(trade.totalFen));
        params.put("subject", trade.subject);
        params.put("gmt_create", TradeStatus.format(trade.createdAt));
        if (trade.paidAt != null) {
            params.put("gmt_payment", TradeStatus.format(trade.paidAt));
        }
        return sign(params);
    }

    private boolean requestSignatureValid(Map<String, String> params) {
        if (params.get("sign") == null) {
            return false;
        }
        try {
            // Requests are signed over every parameter but sign itself (sign_type included): the V2 content.
            return AlipaySignature.rsaCheckV2(new HashMap<>(params), required(config.appPublicKey(), "appPublicKey"), CHARSET, SIGN_TYPE);
        } catch (AlipayApiException | RuntimeException e) {
            return false;
        }
    }

    private static Map<String, Object> tradeIds(SimulatedTrade trade) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "10000");
        body.put("msg", "Success");
        body.put("out_trade_no", trade.outTradeNo);
        body.put("trade_no", trade.tradeNo);
        return body;
    }

    private String failure(String root, Refused refused) {
        return failure(root, refused.code, "40002".equals(refused.code) ? "Invalid Arguments" : "Business Failed",
                refused.subCode, refused.subMsg);
    }

    private String failure(String root, String code, String msg, String subCode, String subMsg) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("msg", msg);
        body.put("sub_code", subCode);
        body.put("sub_msg", subMsg);
        return signed(root, body);
    }

    /** The platform's response format: the signature covers the exact text of the response node. */
    private String signed(String root, Map<String, Object> body) {
        try {
            String content = json.writeValueAsString(body);
            return "{\"" + root + "\":" + content + ",\"sign\":\"" + signContent(content) + "\"}";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String signContent(String content) {
        try {
            return AlipaySignature.sign(content, required(config.platformPrivateKey(), "platformPrivateKey"), CHARSET, SIGN_TYPE);
        } catch (AlipayApiException e) {
            throw new IllegalStateException("simulator key unusable", e);
        }
    }
}

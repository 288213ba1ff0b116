package cn.hkmo.fee.simulator;

import cn.hkmo.fee.FeeError;
import cn.hkmo.fee.alipay.AlipayConfig;
import cn.hkmo.fee.alipay.AlipayGateway;
import cn.hkmo.fee.alipay.AlipayGateway.CloseOutcome;
import cn.hkmo.fee.alipay.AlipayGateway.RefundOutcome;
import cn.hkmo.fee.alipay.AlipayGateway.TradeQuery;
import cn.hkmo.fee.alipay.NotifyVerdict;
import cn.hkmo.fee.alipay.NotifyVerifier;
import cn.hkmo.fee.alipay.TradeStatus;
import cn.hkmo.kit.problem.ProblemException;
import com.alipay.api.internal.util.AlipaySignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The merchant's {@link AlipayGateway} (the official SDK) against the simulator over real HTTP,
 * without Quarkus: proves the simulator speaks the platform's signed protocol.
 */
class SimulatedPlatformIT {

    private static final String APP_ID = "2021000000000001";
    private static final String SELLER_ID = "2088000000000001";

    private static KeyPair app;
    private static KeyPair platformKeys;
    private static HttpServer server;
    private static SimulatedPlatform platform;
    private static AlipayGateway gateway;
    private static final AtomicInteger failuresBeforeSuccess = new AtomicInteger();
    private static final LinkedBlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        app = generator.generateKeyPair();
        platformKeys = generator.generateKeyPair();
        platform = new SimulatedPlatform(simulatorConfig(), Clock.systemUTC());

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/gateway.do", exchange -> {
            try {
                reply(exchange, platform.gateway(params(exchange)), "application/json;charset=utf-8");
            } catch (SimulatedPlatform.NetworkFailure e) {
                reply(exchange, 504, e.getMessage(), "text/plain");
            }
        });
        server.createContext("/notify", exchange -> {
            received.add(params(exchange));
            reply(exchange, failuresBeforeSuccess.getAndDecrement() > 0 ? "failure" : "success", "text/plain");
        });
        server.start();
        gateway = new AlipayGateway(merchantConfig(key(platformKeys.getPublic().getEncoded())));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        platform.stop();
    }

    @Test
    void createQueryPayRefundAndCloseSpeakTheSignedProtocol() {
        String orderNo = "FO-LIFECYCLE";
        OffsetDateTime expires = OffsetDateTime.now().plusMinutes(30);
        AlipayGateway.MiniProgramPayment payment = gateway.createTrade(orderNo, 9000, "往来港澳通行证及签注费", "open-1", expires);
        assertThat(payment.tradeNo()).isNotBlank();
        assertThat(gateway.createTrade(orderNo, 9000, "往来港澳通行证及签注费", "open-1", expires).tradeNo())
                .as("a repeated create names the same trade").isEqualTo(payment.tradeNo());

        assertThat(gateway.query(orderNo)).extracting(TradeQuery::exists, TradeQuery::tradeStatus, TradeQuery::totalAmountFen)
                .containsExactly(true, TradeStatus.WAIT_BUYER_PAY, 9000L);

        platform.pay(orderNo, false);
        TradeQuery paid = gateway.query(orderNo);
        assertThat(paid.paid()).isTrue();
        assertThat(paid.paidAt()).isNotNull();

        assertThat(gateway.refund(orderNo, "RF-1", 3000, "test")).isEqualTo(new RefundOutcome(true, 3000));
        assertThat(gateway.refund(orderNo, "RF-1", 3000, "test")).as("retry").isEqualTo(new RefundOutcome(false, 3000));
        assertThatThrownBy(() -> gateway.refund(orderNo, "RF-2", 6001, "too much"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errorCode()).isEqualTo(FeeError.PAYMENT_PLATFORM_REJECTED));

        assertThat(gateway.close(orderNo)).isEqualTo(CloseOutcome.ALREADY_PAID);
        assertThat(gateway.close("FO-NEVER-CREATED")).isEqualTo(CloseOutcome.NOT_FOUND);
        assertThat(gateway.query("FO-NEVER-CREATED").exists()).isFalse();
    }

    @Test
    void refundFaultsLookToTheMerchantLikeTheRealNetworkAndPlatform() {
        String orderNo = "FO-REFUND-FAULTS";
        gateway.createTrade(orderNo, 9000, "往来港澳通行证及签注费", "open-4", OffsetDateTime.now().plusMinutes(30));
        platform.pay(orderNo, false);

        platform.failRefunds("RF-UNREACHABLE", SimulatedPlatform.RefundFault.UNREACHABLE, 1);
        assertThatThrownBy(() -> gateway.refund(orderNo, "RF-UNREACHABLE", 1000, "test"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errorCode()).isEqualTo(FeeError.PAYMENT_PLATFORM_UNAVAILABLE));
        assertThat(platform.refunds(orderNo)).as("never reached the platform").isEmpty();
        assertThat(gateway.refund(orderNo, "RF-UNREACHABLE", 1000, "test")).isEqualTo(new RefundOutcome(true, 1000));

        platform.failRefunds("RF-LOST", SimulatedPlatform.RefundFault.ANSWER_LOST, 1);
        assertThatThrownBy(() -> gateway.refund(orderNo, "RF-LOST", 2000, "test"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errorCode()).isEqualTo(FeeError.PAYMENT_PLATFORM_UNAVAILABLE));
        assertThat(platform.refunds(orderNo)).as("refunded, answer lost").containsEntry("RF-LOST", 2000L);
        assertThat(gateway.refund(orderNo, "RF-LOST", 2000, "test")).as("asked again").isEqualTo(new RefundOutcome(false, 3000));

        platform.failRefunds("RF-REFUSED", SimulatedPlatform.RefundFault.REFUSED, 1);
        assertThatThrownBy(() -> gateway.refund(orderNo, "RF-REFUSED", 3000, "test"))
                .isInstanceOfSatisfying(AlipayGateway.Refused.class, e -> assertThat(e.subCode()).isEqualTo("ACQ.SELLER_BALANCE_NOT_ENOUGH"));
        assertThat(platform.refunds(orderNo)).containsOnlyKeys("RF-UNREACHABLE", "RF-LOST");
    }

    @Test
    void anUnpaidTradeCloses() {
        gateway.createTrade("FO-CLOSE", 1500, "签注费", "open-2", OffsetDateTime.now().plusMinutes(30));
        assertThat(gateway.close("FO-CLOSE")).isEqualTo(CloseOutcome.CLOSED);
        assertThat(gateway.query("FO-CLOSE").tradeStatus()).isEqualTo(TradeStatus.TRADE_CLOSED);
        assertThatThrownBy(() -> platform.pay("FO-CLOSE", true)).isInstanceOf(SimulatedPlatform.NotPayable.class);
    }

    @Test
    void aResponseNotSignedByThePlatformKeyIsNotTrusted() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        AlipayGateway misled = new AlipayGateway(merchantConfig(key(generator.generateKeyPair().getPublic().getEncoded())));
        assertThatThrownBy(() -> misled.query("FO-ANY"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errorCode()).isEqualTo(FeeError.PAYMENT_PLATFORM_UNAVAILABLE));
    }

    @Test
    void theNotifyIsRetriedUntilTheMerchantSaysSuccessAndVerifies() throws Exception {
        received.clear();
        failuresBeforeSuccess.set(2);
        gateway.createTrade("FO-NOTIFY", 7500, "签注费", "open-3", OffsetDateTime.now().plusMinutes(30));
        platform.pay("FO-NOTIFY", true);

        List<Map<String, String>> notifies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, String> notify = received.poll(10, TimeUnit.SECONDS);
            assertThat(notify).as("attempt %d", i + 1).isNotNull();
            notifies.add(notify);
        }
        assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("no attempt after success").isNull();

        NotifyVerifier verifier = new NotifyVerifier(key(platformKeys.getPublic().getEncoded()), APP_ID, SELLER_ID, "UTF-8", "RSA2");
        for (Map<String, String> notify : notifies) {
            assertThat(notify.get("notify_id")).isEqualTo(notifies.get(0).get("notify_id"));
            assertThat(verifier.verify(notify, no -> OptionalLong.of(7500))).isInstanceOfSatisfying(NotifyVerdict.Verified.class,
                    v -> assertThat(v.trade().paid()).isTrue());
        }
    }

    @Test
    void theMobileWebCashierOpensFromTheSdksSignedAddressAndReturnsSigned() throws Exception {
        String orderNo = "FO-WAP";
        String returnUrl = "https://permits.example.cn/h5/";
        String cashierUrl = gateway.wapCashierUrl(orderNo, 9000, "往来港澳通行证及签注费", OffsetDateTime.now().plusMinutes(30), returnUrl);
        Map<String, String> params = query(cashierUrl);
        assertThat(params).containsEntry("method", "alipay.trade.wap.pay").containsEntry("return_url", returnUrl);

        SimulatedPlatform.Cashier cashier = platform.openCashier(params);
        assertThat(cashier).isEqualTo(new SimulatedPlatform.Cashier(orderNo, "往来港澳通行证及签注费", "90.00", TradeStatus.WAIT_BUYER_PAY));
        assertThat(platform.openCashier(params)).as("opened again: the same trade").isEqualTo(cashier);
        assertThat(gateway.query(orderNo).exists()).as("the trade exists once the cashier opened").isTrue();

        received.clear();
        String back = platform.payInCashier(orderNo);
        assertThat(back).startsWith(returnUrl + "?");
        Map<String, String> returned = query(back);
        assertThat(returned).containsEntry("out_trade_no", orderNo).containsEntry("total_amount", "90.00")
                .containsEntry("method", "alipay.trade.wap.pay.return").containsEntry("seller_id", SELLER_ID);
        String platformPublicKey = key(platformKeys.getPublic().getEncoded());
        assertThat(AlipaySignature.rsaCheckV1(new HashMap<>(returned), platformPublicKey, "UTF-8", "RSA2")).isTrue();
        Map<String, String> notify = received.poll(5, TimeUnit.SECONDS);
        assertThat(notify).as("the notify goes to the notify_url of the cashier address").isNotNull()
                .containsEntry("out_trade_no", orderNo).containsEntry("trade_status", TradeStatus.TRADE_SUCCESS);
        assertThat(gateway.query(orderNo).paid()).isTrue();
        assertThatThrownBy(() -> platform.payInCashier(orderNo)).isInstanceOf(SimulatedPlatform.NotPayable.class);
    }

    @Test
    void aForgedCashierAddressIsRefusedAndOpensNoTrade() throws Exception {
        String cashierUrl = gateway.wapCashierUrl("FO-WAP-FORGED", 9000, "往来港澳通行证及签注费",
                OffsetDateTime.now().plusMinutes(30), "https://permits.example.cn/h5/");
        Map<String, String> genuine = query(cashierUrl);

        Map<String, String> cheaper = new HashMap<>(genuine);
        cheaper.put("biz_content", genuine.get("biz_content").replace("\"90.00\"", "\"0.01\""));
        assertThat(cheaper).isNotEqualTo(genuine);
        Map<String, String> elsewhere = new HashMap<>(genuine);
        elsewhere.put("return_url", "https://evil.example/");
        Map<String, String> foreignKey = new HashMap<>(genuine);
        KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        foreignKey.remove("sign");
        foreignKey.put("sign", AlipaySignature.sign(AlipaySignature.getSignCheckContentV2(foreignKey), key(stranger.getPrivate().getEncoded()), "UTF-8", "RSA2"));
        Map<String, String> unsigned = new HashMap<>(genuine);
        unsigned.remove("sign");

        for (Map<String, String> forged : List.of(cheaper, elsewhere, foreignKey, unsigned)) {
            assertThatThrownBy(() -> platform.openCashier(forged)).isInstanceOfSatisfying(SimulatedPlatform.Refused.class,
                    e -> assertThat(e.subCode()).isEqualTo("isv.invalid-signature"));
        }
        assertThat(gateway.query("FO-WAP-FORGED").exists()).isFalse();
        assertThat(platform.openCashier(genuine).amount()).as("the genuine address still opens").isEqualTo("90.00");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new HashMap<>();
        decodeInto(params, java.net.URI.create(url).getRawQuery());
        return params;
    }

    private static SimulatorConfig simulatorConfig() {
        return new SimulatorConfig() {
            public Optional<String> platformPrivateKey() { return Optional.of(key(platformKeys.getPrivate().getEncoded())); }
            public Optional<String> appPublicKey() { return Optional.of(key(app.getPublic().getEncoded())); }
            public Optional<String> appId() { return Optional.of(APP_ID); }
            public Optional<String> sellerId() { return Optional.of(SELLER_ID); }
            public List<Duration> notifyRetryDelays() { return List.of(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50)); }
            public Duration notifyTimeout() { return Duration.ofSeconds(2); }
        };
    }

    private static AlipayConfig merchantConfig(String platformPublicKey) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new AlipayConfig() {
            public String gatewayUrl() { return base + "/gateway.do"; }
            public String appId() { return APP_ID; }
            public String sellerId() { return SELLER_ID; }
            public String appPrivateKey() { return key(app.getPrivate().getEncoded()); }
            public String alipayPublicKey() { return platformPublicKey; }
            public String notifyUrl() { return base + "/notify"; }
            public String signType() { return "RSA2"; }
            public String charset() { return "UTF-8"; }
            public Duration connectTimeout() { return Duration.ofSeconds(2); }
            public Duration readTimeout() { return Duration.ofSeconds(5); }
        };
    }

    private static String key(byte[] encoded) {
        return Base64.getEncoder().encodeToString(encoded);
    }

    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new HashMap<>();
        decodeInto(params, exchange.getRequestURI().getRawQuery());
        decodeInto(params, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        return Collections.unmodifiableMap(params);
    }

    private static void decodeInto(Map<String, String> params, String form) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
    }

    private static void reply(HttpExchange exchange, String body, String contentType) throws IOException {
        reply(exchange, 200, body, contentType);
    }

    private static void reply(HttpExchange exchange, int status, String body, String contentType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

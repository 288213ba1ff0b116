package cn.hkmo.fee.alipay;

import cn.hkmo.fee.alipay.NotifyVerdict.Reason;
import cn.hkmo.fee.alipay.NotifyVerdict.Rejected;
import cn.hkmo.fee.alipay.NotifyVerdict.Verified;
import com.alipay.api.internal.util.AlipaySignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The notify checks Alipay prescribes, against notifies signed with a fresh platform key pair. */
class NotifyVerifierTest {

    private static final String APP_ID = "2021000000000001";
    private static final String SELLER_ID = "2088000000000001";
    private static final String ORDER_NO = "FO20260302000001";
    private static final Function<String, OptionalLong> ORDERS =
            no -> ORDER_NO.equals(no) ? OptionalLong.of(9000) : OptionalLong.empty();

    private static String platformPrivateKey;
    private static NotifyVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair platform = generator.generateKeyPair();
        platformPrivateKey = Base64.getEncoder().encodeToString(platform.getPrivate().getEncoded());
        String platformPublicKey = Base64.getEncoder().encodeToString(platform.getPublic().getEncoded());
        verifier = new NotifyVerifier(platformPublicKey, APP_ID, SELLER_ID, "UTF-8", "RSA2");
    }

    @Test
    void aGenuineNotifyIsVerifiedAndCarriesTheTrade() {
        NotifyVerdict verdict = verifier.verify(signed(tradeNotify()), ORDERS);

        assertThat(verdict).isInstanceOfSatisfying(Verified.class, v -> {
            assertThat(v.trade().outTradeNo()).isEqualTo(ORDER_NO);
            assertThat(v.trade().tradeNo()).isEqualTo("2026030222001400001");
            assertThat(v.trade().totalAmountFen()).isEqualTo(9000);
            assertThat(v.trade().paid()).isTrue();
            assertThat(v.trade().paidAt()).isEqualTo(OffsetDateTime.of(2026, 3, 2, 10, 15, 30, 0, ZoneOffset.ofHours(8)));
        });
    }

    @Test
    void tenIdenticalNotifiesVerifyAlikeAndLeaveTheParametersIntact() {
        Map<String, String> params = signed(tradeNotify());
        Map<String, String> copy = Map.copyOf(params);
        for (int i = 0; i < 10; i++) {
            assertThat(verifier.verify(params, ORDERS)).isInstanceOf(Verified.class);
        }
        // The SDK strips sign and sign_type from what it is given; the verifier must not let it touch ours.
        assertThat(params).isEqualTo(copy);
    }

    @Test
    void wrongAmountIsRejectedEvenWhenSignedByThePlatform() {
        Map<String, String> params = tradeNotify();
        params.put("total_amount", "0.01");
        assertRejected(signed(params), Reason.AMOUNT_MISMATCH);

        params.put("total_amount", "90.001");
        assertRejected(signed(params), Reason.AMOUNT_MISMATCH);
    }

    @Test
    void wrongAppIdIsRejected() {
        Map<String, String> params = tradeNotify();
        params.put("app_id", "2021000000000999");
        assertRejected(signed(params), Reason.APP_MISMATCH);
    }

    @Test
    void wrongSellerIsRejected() {
        Map<String, String> params = tradeNotify();
        params.put("seller_id", "2088000000000999");
        assertRejected(signed(params), Reason.SELLER_MISMATCH);
    }

    @Test
    void unknownOrderIsRejected() {
        Map<String, String> params = tradeNotify();
        params.put("out_trade_no", "FO20260302999999");
        assertRejected(signed(params), Reason.UNKNOWN_ORDER);
    }

    @Test
    void oneFlippedByteOfTheSignatureIsRejected() {
        Map<String, String> params = signed(tradeNotify());
        byte[] signature = Base64.getDecoder().decode(params.get("sign"));
        signature[signature.length / 2] ^= 0x01;
        params.put("sign", Base64.getEncoder().encodeToString(signature));
        assertRejected(params, Reason.BAD_SIGNATURE);
    }

    @Test
    void aParameterChangedAfterSigningIsRejected() {
        Map<String, String> params = signed(tradeNotify());
        params.put("total_amount", "0.01");
        assertRejected(params, Reason.BAD_SIGNATURE);
    }

    @Test
    void unsignedOrGarbledSignaturesAreRejected() {
        Map<String, String> params = tradeNotify();
        assertRejected(params, Reason.BAD_SIGNATURE);
        params.put("sign", "not base64 at all!");
        assertRejected(params, Reason.BAD_SIGNATURE);
    }

    @Test
    void aNotifySignedWithAnotherKeyIsRejected() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forger = Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        Map<String, String> params = tradeNotify();
        params.put("sign", AlipaySignature.sign(AlipaySignature.getSignCheckContentV1(new HashMap<>(params)), forger, "UTF-8", "RSA2"));
        assertRejected(params, Reason.BAD_SIGNATURE);
    }

    private static void assertRejected(Map<String, String> params, Reason reason) {
        assertThat(verifier.verify(params, ORDERS)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(reason));
    }

    /** The parameters of a real {@code trade_status_sync} notify. */
    private static Map<String, String> tradeNotify() {
        Map<String, String> params = new HashMap<>();
        params.put("notify_time", "2026-03-02 10:15:31");
        params.put("notify_type", "trade_status_sync");
        params.put("notify_id", "ac05099524730693a8b330c5ecf72da9786");
        params.put("app_id", APP_ID);
        params.put("charset", "UTF-8");
        params.put("version", "1.0");
        params.put("sign_type", "RSA2");
        params.put("trade_no", "2026030222001400001");
        params.put("out_trade_no", ORDER_NO);
        params.put("buyer_id", "2088102122524333");
        params.put("seller_id", SELLER_ID);
        params.put("trade_status", "TRADE_SUCCESS");
        params.put("total_amount", "90.00");
        params.put("receipt_amount", "90.00");
        params.put("subject", "往来港澳通行证及签注费 A110105202603020001");
        params.put("gmt_create", "2026-03-02 10:15:20");
        params.put("gmt_payment", "2026-03-02 10:15:30");
        return params;
    }

    private static Map<String, String> signed(Map<String, String> params) {
        try {
            String content = AlipaySignature.getSignCheckContentV1(new HashMap<>(params));
            params.put("sign", AlipaySignature.sign(content, platformPrivateKey, "UTF-8", "RSA2"));
            return params;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

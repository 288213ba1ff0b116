package cn.hkmo.fee.alipay;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The merchant's Alipay settings. Keys are base64 DER: the app's private key as PKCS#8, Alipay's
 * public key as X.509, exactly as the Alipay open platform hands them out. In production they come
 * from a secret; in dev and test they belong to the payment simulator.
 */
@ConfigMapping(prefix = "hkmo.alipay")
public interface AlipayConfig {

    /** OpenAPI gateway, e.g. {@code https://openapi.alipay.com/gateway.do}. */
    String gatewayUrl();

    String appId();

    /** The merchant's partner id (PID, {@code 2088...}); notifies must name it as {@code seller_id}. */
    String sellerId();

    String appPrivateKey();

    String alipayPublicKey();

    /** Where the platform posts asynchronous notifies. */
    String notifyUrl();

    @WithDefault("RSA2")
    String signType();

    @WithDefault("UTF-8")
    String charset();

    @WithDefault("5s")
    Duration connectTimeout();

    @WithDefault("15s")
    Duration readTimeout();
}

package cn.hkmo.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "hkmo.notification")
public interface NotificationConfig {

    /** Links in messages start here (the public API's path; the front-ends map them to their pages). */
    @WithDefault("/api/v1")
    String linkBase();

    QuietHours quietHours();

    Dispatch dispatch();

    Sms sms();

    Alipay alipay();

    /** No SMS between {@code start} and {@code end}, business time (Asia/Shanghai), except time-critical ones. */
    interface QuietHours {
        @WithDefault("22:00")
        LocalTime start();

        @WithDefault("08:00")
        LocalTime end();
    }

    interface Dispatch {

        /** How often the dispatcher looks for due deliveries ({@code @Scheduled} reads it); {@code off} in tests. */
        String every();

        /** Deliveries claimed per pass and replica. */
        @WithDefault("50")
        int batchSize();

        /**
         * Waits after each failed attempt; when they are used up the delivery is dead (operations view, replay).
         * An attempt whose outcome is unknown is looked up at the provider before it is sent again.
         */
        @WithDefault("PT30S,PT2M,PT10M,PT1H")
        List<Duration> retryDelays();

        /**
         * A send still unanswered this long after it started (the process died, the answer was lost) is looked up at
         * the provider by its OutId, and only sent again if the provider never received it.
         */
        @WithDefault("PT2M")
        Duration inFlightTimeout();
    }

    /** What every outbound channel has: a switch and its provider's template per message kind. */
    interface ChannelSettings {

        /** Off: no deliveries are planned on the channel (the message centre still fills). */
        @WithDefault("true")
        boolean enabled();

        /** The provider's approved template per message kind; kinds without one are not sent on the channel. */
        Map<String, String> templates();
    }

    interface Sms extends ChannelSettings {

        /** Alibaba Cloud SMS endpoint host[:port]; {@code dysmsapi.aliyuncs.com} in production. */
        String endpoint();

        @WithDefault("https")
        String protocol();

        String accessKeyId();

        String accessKeySecret();

        /** The approved signature (签名) shown before every text. */
        String signName();

        /** SMS per citizen and business day; time-critical ones are sent anyway (the message centre has them all). */
        @WithDefault("10")
        int dailyCap();

        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration readTimeout();
    }

    /** The Alipay mini-program's template messages (alipay.open.app.mini.templatemessage.send). */
    interface Alipay extends ChannelSettings {

        /** The partner client whose citizens subscribe in its mini-program ({@code alipay-partner}). */
        @WithDefault("alipay-partner")
        String partnerClient();

        /** OpenAPI gateway, {@code https://openapi.alipay.com/gateway.do} in production. */
        String gatewayUrl();

        /** The mini-program's app id (not the payment merchant's). */
        String appId();

        /** PKCS#8, base64. */
        String appPrivateKey();

        /** X.509, base64: checks the platform's answers. */
        String alipayPublicKey();

        /** The mini-program page a message opens, given the message's link as {@code link}. */
        @WithDefault("pages/messages/index")
        String page();

        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration readTimeout();
    }
}

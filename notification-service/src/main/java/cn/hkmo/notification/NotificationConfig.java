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

    interface Sms {

        /** Off: no SMS deliveries are planned (the message centre still fills). */
        @WithDefault("true")
        boolean enabled();

        /** Alibaba Cloud SMS endpoint host[:port]; {@code dysmsapi.aliyuncs.com} in production. */
        String endpoint();

        @WithDefault("https")
        String protocol();

        String accessKeyId();

        String accessKeySecret();

        /** The approved signature (签名) shown before every text. */
        String signName();

        /** Approved template code per message kind (e.g. {@code place-offered=SMS_4812...}); kinds without one get no SMS. */
        Map<String, String> templates();

        /** SMS per citizen and business day; time-critical ones are sent anyway (the message centre has them all). */
        @WithDefault("10")
        int dailyCap();

        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration readTimeout();
    }
}

package cn.hkmo.kit.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneId;

/** The suite's clock, in the business zone; a test or service replaces it by producing its own {@link Clock}. */
@Singleton
public class ClockProducer {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.system(BUSINESS_ZONE);
    }
}

package cn.hkmo.eligibility.config;

import cn.hkmo.eligibility.rules.EligibilityRules;
import cn.hkmo.eligibility.rules.EligibilityRulesConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The plain-Java rules engine as a bean, with the configured UNCONFIRMED rules. */
public class RulesProducer {

    @Produces
    @Singleton
    EligibilityRules rules(EligibilityRulesConfig config) {
        return new EligibilityRules(config);
    }
}

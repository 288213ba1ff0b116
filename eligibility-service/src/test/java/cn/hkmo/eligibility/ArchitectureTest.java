package cn.hkmo.eligibility;

import org.junit.jupiter.api.Test;

import cn.hkmo.platform.test.ServiceArchitecture;

/** The rules every service keeps: docs/conventions.md, "Architecture rules". */
class ArchitectureTest {

    @Test
    void keepsTheServiceRules() {
        ServiceArchitecture.rules("cn.hkmo.eligibility").check(ServiceArchitecture.of("cn.hkmo.eligibility"));
    }
}

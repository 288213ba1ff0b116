package cn.hkmo.appointment;

import org.junit.jupiter.api.Test;

import cn.hkmo.platform.test.ServiceArchitecture;

/** The rules every service keeps: docs/conventions.md, "Architecture rules". */
class ArchitectureTest {

    @Test
    void keepsTheServiceRules() {
        ServiceArchitecture.rules("cn.hkmo.appointment").check(ServiceArchitecture.of("cn.hkmo.appointment"));
    }
}

package cn.hkmo.issuance;

import cn.hkmo.platform.test.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The rules every service keeps: docs/conventions.md, "Architecture rules". */
class ArchitectureTest {

    @Test
    void keepsTheServiceRules() {
        ServiceArchitecture.rules("cn.hkmo.issuance").check(ServiceArchitecture.of("cn.hkmo.issuance"));
    }
}

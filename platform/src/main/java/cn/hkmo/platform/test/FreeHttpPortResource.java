package cn.hkmo.platform.test;

import cn.hkmo.platform.Ports;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A free HTTP port chosen before the application starts, so configuration that names the service's
 * own URL (a payment notify URL, a simulator's endpoint) can use it; port 0 is only known too late.
 */
public class FreeHttpPortResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.http.test-port", String.valueOf(Ports.free()));
    }

    @Override
    public void stop() {
    }
}

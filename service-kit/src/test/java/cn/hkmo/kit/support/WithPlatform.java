package cn.hkmo.kit.support;

import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** The real PostgreSQL, Kafka and Keycloak for every @QuarkusTest of the kit (a test resource applies to all of them). */
@QuarkusTestResource(value = PlatformTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "appointment"))
public final class WithPlatform {
    private WithPlatform() {
    }
}

package cn.hkmo.systemtests.harness;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs against the whole suite ({@link Suite}): the platform and the five applications are started
 * once per JVM before the first such class, and the applications' log tails are printed when a test fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(SuiteExtension.class)
public @interface SystemTest {
}

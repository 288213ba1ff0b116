package cn.hkmo.systemtests.harness;

import io.restassured.RestAssured;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Starts the {@link Suite} before a {@link SystemTest} class; prints the applications' log tails after a failure. */
public class SuiteExtension implements BeforeAllCallback, TestWatcher {

    @Override
    public void beforeAll(ExtensionContext context) {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Suite.get();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (Suite.started()) {
            Suite.log(context.getDisplayName() + " failed: " + cause + "\nlogs of the applications:"
                    + Suite.get().logTails(40));
        }
    }
}

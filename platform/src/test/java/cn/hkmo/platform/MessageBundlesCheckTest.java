package cn.hkmo.platform;

import cn.hkmo.platform.test.MessageBundles;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageBundlesCheckTest {

    @Test
    void namesAKeyMissingInOneLanguageAndArgumentsThatDiffer() {
        Properties chinese = properties("A.title", "甲", "B.detail", "预约 {0} 于 {1}", "C.title", "丙");
        Properties english = properties("A.title", "A", "B.detail", "Booking {0}", "D.title", "D");

        assertEquals(java.util.List.of(
                "problems: B.detail takes arguments [0, 1] in Chinese but [0] in English",
                "problems: C.title has no English (problems_en.properties)",
                "problems: D.title has no Chinese (problems.properties)"),
                MessageBundles.defects("problems", chinese, english));
    }

    @Test
    void bundlesThatAgreeHaveNoDefects() {
        assertTrue(MessageBundles.defects("problems", properties("A.detail", "{0} 号"), properties("A.detail", "No. {0}"))
                .isEmpty());
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}

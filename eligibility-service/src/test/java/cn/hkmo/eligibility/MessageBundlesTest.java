package cn.hkmo.eligibility;

import cn.hkmo.platform.test.MessageBundles;
import org.junit.jupiter.api.Test;

/** Every message of this module in Chinese and English, with the same arguments. */
class MessageBundlesTest {

    @Test
    void everyMessageInBothLanguages() {
        MessageBundles.assertChineseAndEnglishAgree("problems");
    }
}

package cn.hkmo.kit.document;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationCodesTest {

    @Test
    void codesAreFourGroupsOfFourAndDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = VerificationCodes.generate();
            assertTrue(code.matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), code);
            codes.add(code);
        }
        assertEquals(10_000, codes.size());
    }

    @Test
    void aCodeIsReadAsTyped() {
        assertEquals(Optional.of("7K2M-Q9XD-4HTB-0W5R"), VerificationCodes.normalise("7k2m q9xd 4htb ow5r"));
        assertEquals(Optional.of("1K2M-Q9XD-4HTB-0W5R"), VerificationCodes.normalise("IK2MQ9XD4HTB0W5R"));
        assertEquals(Optional.of("1K2M-Q9XD-4HTB-0W5R"), VerificationCodes.normalise("lk2m-q9xd-4htb-0w5r"));
    }

    @Test
    void whatCannotBeACodeIsNone() {
        assertEquals(Optional.empty(), VerificationCodes.normalise("7K2M-Q9XD-4HTB"));
        assertEquals(Optional.empty(), VerificationCodes.normalise("7K2M-Q9XD-4HTB-0W5RX"));
        assertEquals(Optional.empty(), VerificationCodes.normalise("7K2M-Q9XD-4HTB-0W5U"));
        assertEquals(Optional.empty(), VerificationCodes.normalise("../../etc/passwd"));
        assertEquals(Optional.empty(), VerificationCodes.normalise(null));
    }
}

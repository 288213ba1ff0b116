package cn.hkmo.kit.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MobileNumberTest {

    @Test
    void acceptsMainlandNumbersWithOrWithoutCountryCode() {
        assertThat(MobileNumber.normalise("13800138000")).hasValue("13800138000");
        assertThat(MobileNumber.normalise("+86 138-0013-8000")).hasValue("13800138000");
        assertThat(MobileNumber.normalise("008619912345678")).hasValue("19912345678");
    }

    @Test
    void refusesOtherNumbers() {
        assertThat(MobileNumber.normalise(null)).isEmpty();
        assertThat(MobileNumber.normalise("12800138000")).isEmpty();
        assertThat(MobileNumber.normalise("1380013800")).isEmpty();
        assertThat(MobileNumber.normalise("010-85953800")).isEmpty();
        assertThat(MobileNumber.normalise("+85291234567")).isEmpty();
    }

    @Test
    void masksTheMiddle() {
        assertThat(MobileNumber.mask("13800138000")).isEqualTo("138****8000");
        assertThat(MobileNumber.mask("+86 138-0013-8000")).isEqualTo("138****8000");
        assertThat(MobileNumber.mask("12345")).isEqualTo("****");
        assertThat(MobileNumber.mask(null)).isNull();
    }

    @Test
    void echoesARejectedEntrySoTheTypoShowsButNotTheNumber() {
        assertThat(MobileNumber.maskEntered("1380013800")).isEqualTo("138***3800");      // a digit short
        assertThat(MobileNumber.maskEntered("138-0013-80001")).isEqualTo("138*****0001"); // a digit too many
        assertThat(MobileNumber.maskEntered("12800138000")).isEqualTo("128****8000");     // wrong second digit
        assertThat(MobileNumber.maskEntered("12345")).isEqualTo("*****");
        assertThat(MobileNumber.maskEntered("张丽")).isEqualTo("**");
        assertThat(MobileNumber.maskEntered(" ")).isEmpty();
        assertThat(MobileNumber.maskEntered(null)).isEmpty();
        assertThat(MobileNumber.maskEntered("1".repeat(200))).hasSize(3 + 16 + 4);
    }
}

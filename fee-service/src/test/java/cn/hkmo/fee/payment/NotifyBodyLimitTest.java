package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyBodyLimitTest {

    @Test
    void aDeclaredLengthUpToTheLimitPasses() {
        assertThat(NotifyBodyLimit.refusal("0", 16_384)).isEmpty();
        assertThat(NotifyBodyLimit.refusal(" 16384 ", 16_384)).isEmpty();
    }

    @Test
    void aLongerOrUnreadableLengthIsTooLarge() {
        assertThat(NotifyBodyLimit.refusal("16385", 16_384)).hasValue(FeeError.NOTIFY_TOO_LARGE);
        assertThat(NotifyBodyLimit.refusal("99999999999999999999999", 16_384)).hasValue(FeeError.NOTIFY_TOO_LARGE);
    }

    @Test
    void noDeclaredLengthMeansTheSizeCannotBeCheckedFirst() {
        assertThat(NotifyBodyLimit.refusal(null, 16_384)).hasValue(FeeError.NOTIFY_LENGTH_REQUIRED);
        assertThat(NotifyBodyLimit.refusal("", 16_384)).hasValue(FeeError.NOTIFY_LENGTH_REQUIRED);
    }
}

package cn.hkmo.kit.logging;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentIdMaskingFilterTest {

    private final ResidentIdMaskingFilter filter = new ResidentIdMaskingFilter();

    @Test
    void masksNumbersInTheMessageAndInItsParameters() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "booking for %s by 11010519491231002x",
                ExtLogRecord.FormatStyle.PRINTF, getClass().getName());
        record.setParameters(new Object[]{"310104195806120025"});

        assertThat(filter.isLoggable(record)).isTrue();
        assertThat(record.getFormattedMessage())
                .isEqualTo("booking for 310104********0025 by 110105********002x");
    }

    @Test
    void leavesOtherNumbersAlone() {
        assertThat(ResidentIdMaskingFilter.mask("order 202611210000000001, offset 1234567890123456789, id 11010519491231002X"))
                .isEqualTo("order 202611210000000001, offset 1234567890123456789, id 110105********002X");
        assertThat(ResidentIdMaskingFilter.mask("no personal data")).isEqualTo("no personal data");
    }
}

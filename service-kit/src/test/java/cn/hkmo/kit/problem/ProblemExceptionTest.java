package cn.hkmo.kit.problem;

import cn.hkmo.kit.support.TestError;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemExceptionTest {

    @Test
    void aClientErrorIsAnAnswerWithoutAStackTraceAServerErrorKeepsItsTrace() {
        assertThat(new ProblemException(TestError.SLOT_FULL, "BJ-CHAOYANG").getStackTrace()).isEmpty();
        assertThat(new ProblemException(KitError.FORBIDDEN).getStackTrace()).isEmpty();

        ProblemException unavailable = new ProblemException(KitError.SERVICE_UNAVAILABLE);
        assertThat(unavailable.getStackTrace()).isNotEmpty();
        assertThat(unavailable.getStackTrace()[0].getMethodName()).isEqualTo("aClientErrorIsAnAnswerWithoutAStackTraceAServerErrorKeepsItsTrace");
    }
}

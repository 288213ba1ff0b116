package cn.hkmo.kit.paging;

import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.problem.ProblemException.FieldProblem;
import cn.hkmo.kit.problem.ProblemMessages;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageRequestTest {

    private final ProblemMessages messages = new ProblemMessages();

    @Test
    void theLargestPageOfTheLargestSizeStillHasAnIntOffset() {
        PageRequest last = PageRequest.of(PageRequest.MAX_PAGE, PageRequest.LONG_LIST_MAX_SIZE, PageRequest.LONG_LIST_MAX_SIZE);

        assertThat(last.offset()).isEqualTo(2_000_000);
        assertThat(last.panache().index).isEqualTo(PageRequest.MAX_PAGE);
        assertThat(PageRequest.of(0, 1).offset()).isZero();
        assertThat(PageRequest.of(3, 20).offset()).isEqualTo(60);
    }

    @Test
    void theAttackersPageNumberIsAViolationOnPageNotAnOverflow() {
        // 21474837 * 100 overflows an int: the reproduction of issue 15
        ProblemException problem = refused(21_474_837, 100, PageRequest.MAX_SIZE);

        assertThat(problem.errorCode()).isEqualTo(KitError.VALIDATION_FAILED);
        assertThat(problem.violations()).extracting(FieldProblem::field).containsExactly("page");
        assertThat(problem.violations()).extracting(FieldProblem::code).containsExactly("PAGE_OUT_OF_RANGE");
    }

    @Test
    void negativeAndExtremeValuesOfBothFieldsAreReportedTogether() {
        for (int[] bad : new int[][]{{-1, 0}, {Integer.MIN_VALUE, Integer.MAX_VALUE}, {PageRequest.MAX_PAGE + 1, 101}}) {
            assertThat(refused(bad[0], bad[1], PageRequest.MAX_SIZE).violations()).extracting(FieldProblem::field)
                    .containsExactly("page", "size");
        }
    }

    @Test
    void longStaffListsAllowTwoHundredOthersOneHundred() {
        assertThat(PageRequest.of(0, 200, PageRequest.LONG_LIST_MAX_SIZE).size()).isEqualTo(200);
        assertThat(refused(0, 101, PageRequest.MAX_SIZE).violations()).extracting(FieldProblem::field).containsExactly("size");
        assertThat(refused(0, 201, PageRequest.LONG_LIST_MAX_SIZE).violations()).extracting(FieldProblem::code)
                .containsExactly("PAGE_SIZE_OUT_OF_RANGE");
        assertThatThrownBy(() -> PageRequest.of(0, 1, 5000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theViolationsSpeakChineseByDefaultAndEnglishOnRequestWithoutDigitGrouping() {
        FieldProblem page = refused(-1, 20, PageRequest.MAX_SIZE).violations().get(0);

        assertThat(messages.message(page.messageKey(), ProblemMessages.CHINESE, page.args()))
                .hasValue("页码须在 0 到 10000 之间。");
        assertThat(messages.message(page.messageKey(), Locale.ENGLISH, page.args()))
                .hasValue("The page must be between 0 and 10000.");
    }

    private static ProblemException refused(int page, int size, int maxSize) {
        try {
            PageRequest.of(page, size, maxSize);
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("page " + page + ", size " + size + " was accepted");
    }
}

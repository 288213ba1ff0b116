package cn.hkmo.fee.quote;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.contracts.common.IssuedEndorsement;
import cn.hkmo.fee.FeeError;
import cn.hkmo.fee.schedule.FeeItem;
import cn.hkmo.fee.schedule.LegalSchedule;
import cn.hkmo.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fee cases of FAQ Q54 and the issue, priced with the seeded legal schedule. */
class QuoteTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void permitAlone() {
        Quote quote = quote(TODAY, true);
        assertThat(quote.lines()).singleElement().satisfies(line -> {
            assertThat(line.item()).isEqualTo(FeeItem.PERMIT);
            assertThat(line.amountFen()).isEqualTo(6000);
            assertThat(line.legalBasis()).contains("发改价格〔2019〕914号");
        });
        assertThat(quote.totalFen()).isEqualTo(6000);
    }

    @Test
    void permitPlusSingleIndividualTourForHongKongAndMacaoIs90Yuan() {
        Quote quote = quote(TODAY, true,
                endorsement(Destination.HK, EndorsementType.G, "P1Y", Entries.SINGLE),
                endorsement(Destination.MO, EndorsementType.G, "P1Y", Entries.SINGLE));
        assertThat(quote.lines()).extracting(QuoteLine::item, QuoteLine::destination, QuoteLine::amountFen).containsExactly(
                org.assertj.core.groups.Tuple.tuple(FeeItem.PERMIT, null, 6000L),
                org.assertj.core.groups.Tuple.tuple(FeeItem.ENDORSEMENT_SINGLE, Destination.HK, 1500L),
                org.assertj.core.groups.Tuple.tuple(FeeItem.ENDORSEMENT_SINGLE, Destination.MO, 1500L));
        assertThat(quote.totalFen()).isEqualTo(9000);
        assertThat(quote.lines().get(1).rule()).isEqualTo("一次有效签注(每件)");
    }

    @Test
    void doubleEntryIs30Yuan() {
        assertThat(quote(TODAY, false, endorsement(Destination.HK, EndorsementType.L, "P3M", Entries.DOUBLE)).totalFen())
                .isEqualTo(3000);
    }

    @ParameterizedTest(name = "{0} multiple → {1} fen ({2})")
    @CsvSource({
            "P3M,  8000,  ENDORSEMENT_MULTIPLE_UP_TO_1Y",
            "P1Y,  8000,  ENDORSEMENT_MULTIPLE_UP_TO_1Y",
            "P365D, 8000, ENDORSEMENT_MULTIPLE_UP_TO_1Y",
            "P1Y1D, 12000, ENDORSEMENT_MULTIPLE_1Y_TO_2Y",
            "P18M, 12000, ENDORSEMENT_MULTIPLE_1Y_TO_2Y",
            "P2Y,  12000, ENDORSEMENT_MULTIPLE_1Y_TO_2Y",
            "P2Y1M, 16000, ENDORSEMENT_MULTIPLE_2Y_TO_3Y",
            "P35M, 16000, ENDORSEMENT_MULTIPLE_2Y_TO_3Y",
            "P3Y,  24000, ENDORSEMENT_MULTIPLE_3Y_PLUS",
            "P5Y,  24000, ENDORSEMENT_MULTIPLE_3Y_PLUS"
    })
    void multipleEntryByValidityBand(String validity, long fen, FeeItem item) {
        Quote quote = quote(TODAY, false, endorsement(Destination.HK, EndorsementType.TALENT, validity, Entries.MULTIPLE));
        assertThat(quote.lines()).singleElement().satisfies(line -> {
            assertThat(line.item()).isEqualTo(item);
            assertThat(line.amountFen()).isEqualTo(fen);
        });
    }

    @Test
    void theFeeInForceOnTheAcceptanceDateApplies() {
        IssuedEndorsement hkSingle = endorsement(Destination.HK, EndorsementType.G, "P3M", Entries.SINGLE);
        Quote before = quote(LocalDate.of(2019, 6, 30), true, hkSingle);
        Quote after = quote(LocalDate.of(2019, 7, 1), true, hkSingle);

        assertThat(before.scheduleVersion()).isEqualTo(1);
        assertThat(before.lines().get(0).amountFen()).isEqualTo(8000);
        assertThat(before.totalFen()).isEqualTo(9500);
        assertThat(before.legalBasis()).isEqualTo("发改价格〔2017〕1186号");

        assertThat(after.scheduleVersion()).isEqualTo(2);
        assertThat(after.lines().get(0).amountFen()).isEqualTo(6000);
        assertThat(after.totalFen()).isEqualTo(7500);
    }

    @Test
    void nothingToPriceIsRejected() {
        assertThatThrownBy(() -> quote(TODAY, false)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FeeError.QUOTE_EMPTY));
    }

    @Test
    void oneEndorsementPerDestination() {
        assertThatThrownBy(() -> quote(TODAY, false,
                endorsement(Destination.HK, EndorsementType.G, "P3M", Entries.SINGLE),
                endorsement(Destination.HK, EndorsementType.T, "P3M", Entries.SINGLE)))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(FeeError.DUPLICATE_DESTINATION));
    }

    @Test
    void validityMustBeAPositiveIsoPeriod() {
        for (String validity : new String[] {"1 year", "P0D", "-P1Y"}) {
            assertThatThrownBy(() -> quote(TODAY, false,
                    endorsement(Destination.MO, EndorsementType.G, validity, Entries.MULTIPLE)))
                    .isInstanceOfSatisfying(ProblemException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(FeeError.INVALID_VALIDITY));
        }
    }

    private static Quote quote(LocalDate date, boolean permit, IssuedEndorsement... endorsements) {
        return Quoter.quote(LegalSchedule.schedule(), date, permit, List.of(endorsements));
    }

    private static IssuedEndorsement endorsement(Destination destination, EndorsementType type, String validity, Entries entries) {
        return new IssuedEndorsement(destination, type, validity, entries, 7, null, null);
    }
}

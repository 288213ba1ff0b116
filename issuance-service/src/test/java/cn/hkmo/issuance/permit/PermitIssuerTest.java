package cn.hkmo.issuance.permit;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.contracts.common.IssuedEndorsement;
import cn.hkmo.contracts.common.StayRule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PermitIssuerTest {

    private static final PermitNumberFormat FORMAT = new PermitNumberFormat("C", 8, "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ");
    private static final IssuedEndorsement TALENT_5Y = new IssuedEndorsement(Destination.HK, EndorsementType.TALENT, "P5Y",
            Entries.MULTIPLE, 30, StayRule.PER_VISIT, null);
    private static final IssuedEndorsement L_HK_3M = new IssuedEndorsement(Destination.HK, EndorsementType.L, "P3M",
            Entries.SINGLE, 7, StayRule.PER_VISIT, null);

    @Test
    void validity_is_5_years_under_16_and_10_years_from_16_included() {
        LocalDate birth = LocalDate.of(2010, 6, 1);
        assertThat(PermitValidity.yearsFor(birth, LocalDate.of(2026, 5, 31))).isEqualTo(5);
        assertThat(PermitValidity.yearsFor(birth, LocalDate.of(2026, 6, 1))).isEqualTo(10);
        // wangxiaoming, born 2014-09-15, is 11 in March 2026
        assertThat(PermitValidity.yearsFor(LocalDate.of(2014, 9, 15), LocalDate.of(2026, 3, 2))).isEqualTo(5);
    }

    @Test
    void age_is_taken_at_application_not_at_issue() {
        // accepted the day before the 16th birthday, issued after it: still the 5-year card
        IssuedPermit permit = issuer().issue(new PermitRequest(true, null, LocalDate.of(2010, 6, 1),
                LocalDate.of(2026, 5, 31), List.of()), LocalDate.of(2026, 6, 5), n -> false);
        assertThat(permit.validUntil()).isEqualTo(LocalDate.of(2031, 6, 4));
        assertThat(permit.cardType()).isEqualTo(CardType.ELECTRONIC_CARD);
    }

    @Test
    void endorsements_run_from_the_issue_date_and_never_outlast_the_card() {
        IssuedPermit permit = issuer().issue(new PermitRequest(true, null, LocalDate.of(2014, 9, 15),
                LocalDate.of(2026, 3, 2), List.of(L_HK_3M, TALENT_5Y,
                        new IssuedEndorsement(Destination.MO, EndorsementType.D, "P6Y", Entries.MULTIPLE, 0, StayRule.PER_VISIT, null))),
                LocalDate.of(2026, 3, 5), n -> false);
        assertThat(permit.validUntil()).isEqualTo(LocalDate.of(2031, 3, 4));
        assertThat(permit.endorsements()).extracting(GrantedEndorsement::validUntil)
                .containsExactly(LocalDate.of(2026, 6, 4), LocalDate.of(2031, 3, 4), LocalDate.of(2031, 3, 4));
        assertThat(permit.endorsements()).extracting(GrantedEndorsement::letter).containsExactly("L", null, "D");
    }

    @Test
    void the_last_day_is_the_day_before_the_anniversary_or_the_month_end() {
        assertThat(PermitValidity.lastDay(LocalDate.of(2026, 3, 5), Period.ofYears(10))).isEqualTo(LocalDate.of(2036, 3, 4));
        assertThat(PermitValidity.lastDay(LocalDate.of(2026, 3, 1), Period.ofMonths(1))).isEqualTo(LocalDate.of(2026, 3, 31));
        // no anniversary in the target month: its last day
        assertThat(PermitValidity.lastDay(LocalDate.of(2024, 2, 29), Period.ofYears(10))).isEqualTo(LocalDate.of(2034, 2, 28));
        assertThat(PermitValidity.lastDay(LocalDate.of(2026, 1, 31), Period.ofMonths(3))).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void numbers_follow_the_configured_format_and_skip_taken_ones() {
        Random random = new Random(7);
        String first = FORMAT.next(new Random(7), n -> false);
        String second = FORMAT.next(random, Set.of(first)::contains);
        assertThat(first).matches("C[0-9A-HJ-NP-Z]{8}");
        assertThat(second).isNotEqualTo(first);
        assertThat(FORMAT.matches(second)).isTrue();
        assertThat(FORMAT.matches("W12345678")).isFalse();
        assertThat(FORMAT.matches("CI2345678")).as("I is not in the alphabet").isFalse();
        assertThat(new PermitNumberFormat("CA", 7, "0123456789").next(random, n -> false)).matches("CA\\d{7}");
    }

    @Test
    void an_exhausted_number_space_is_an_error_not_a_loop() {
        assertThatThrownBy(() -> new PermitNumberFormat("C", 1, "0").next(new Random(1), n -> true))
                .isInstanceOf(IllegalStateException.class);
    }

    private static PermitIssuer issuer() {
        return new PermitIssuer(FORMAT, new Random(1));
    }
}

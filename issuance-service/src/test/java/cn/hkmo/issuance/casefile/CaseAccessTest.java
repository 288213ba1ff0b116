package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseAccessTest {

    /** Accepted at BJ-CHAOYANG, region 110105 (Beijing). */
    private final CaseFile beijingCase = Cases.open(Cases.accepted("A1", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION,
            Cases.EMS, LocalDate.of(2026, 3, 2)), false);

    private static Actor citizen(String subject) {
        return new Actor(subject, Set.of(Actor.CITIZEN), Optional.empty(), Optional.empty());
    }

    private static Actor reviewer(String region) {
        return new Actor("sub-reviewer", Set.of(Actor.REVIEWER), Optional.empty(), Optional.of(region));
    }

    private static Actor officer(String hall) {
        return new Actor("sub-officer", Set.of(Actor.OFFICER), Optional.of(hall), Optional.empty());
    }

    @Test
    void a_citizen_reads_only_their_own_case_and_others_do_not_exist_for_them() {
        assertThatCode(() -> CaseAccess.requireRead(citizen("sub-zhangwei"), beijingCase)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CaseAccess.requireRead(citizen("sub-lina"), beijingCase))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errorCode()).isEqualTo(IssuanceError.CASE_NOT_FOUND));
        assertThatThrownBy(() -> CaseAccess.requireOwner(citizen("sub-lina"), beijingCase)).isInstanceOf(ProblemException.class);
    }

    @Test
    void a_reviewer_decides_only_in_their_province() {
        assertThatCode(() -> CaseAccess.requireDecide(reviewer("110000"), beijingCase)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CaseAccess.requireDecide(reviewer("440000"), beijingCase))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(IssuanceError.OUT_OF_REVIEW_SCOPE));
        assertThat(CaseAccess.canRead(reviewer("440000"), "x", "BJ-CHAOYANG", "110105")).isFalse();
    }

    @Test
    void supervisors_decide_anywhere_couriers_and_citizens_never() {
        Actor supervisor = new Actor("sub-sup", Set.of(Actor.SUPERVISOR, Actor.REVIEWER), Optional.empty(), Optional.empty());
        Actor courier = new Actor("sub-courier", Set.of(Actor.COURIER), Optional.empty(), Optional.empty());
        assertThatCode(() -> CaseAccess.requireDecide(supervisor, beijingCase)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CaseAccess.requireDecide(courier, beijingCase)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> CaseAccess.requireDecide(citizen("sub-zhangwei"), beijingCase)).isInstanceOf(ProblemException.class);
        assertThat(CaseAccess.canRead(courier, "sub-zhangwei", "BJ-CHAOYANG", "110105")).isFalse();
    }

    @Test
    void officers_act_for_their_own_hall() {
        assertThatCode(() -> CaseAccess.requireHall(officer("BJ-CHAOYANG"), beijingCase)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CaseAccess.requireHall(officer("SH-PUDONG"), beijingCase))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errorCode()).isEqualTo(IssuanceError.OTHER_HALL));
        assertThat(CaseAccess.canRead(officer("SH-PUDONG"), "x", "BJ-CHAOYANG", "110105")).isFalse();
    }
}

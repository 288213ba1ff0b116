package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.problem.ErrorCode;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class CaseAccessTest {

    /** Accepted at BJ-CHAOYANG, region 110105 (Beijing). */
    private final CaseFile beijingCase = Cases.open(Cases.accepted("A1", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION,
            Cases.EMS, LocalDate.of(2026, 3, 2)), false);
    private final Optional<CaseFile> found = Optional.of(beijingCase);

    private static Actor citizen(String subject) {
        return new Actor(subject, Set.of(Actor.CITIZEN), Optional.empty(), Optional.empty());
    }

    /** A partner platform calling with the citizen's grant of these scopes. */
    private static Actor partnerFor(String subject, String... scopes) {
        return new Actor(subject, Set.of(Actor.CITIZEN), Optional.empty(), Optional.empty(), true, Set.of(scopes));
    }

    private static Actor reviewer(String region) {
        return new Actor("sub-reviewer", Set.of(Actor.REVIEWER), Optional.empty(), Optional.of(region));
    }

    private static Actor officer(String hall) {
        return new Actor("sub-officer", Set.of(Actor.OFFICER), Optional.of(hall), Optional.empty());
    }

    private static ProblemException refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProblemException.class);
        return (ProblemException) thrown;
    }

    private static void refusedWith(ThrowingCallable call, ErrorCode code, Object... args) {
        ProblemException e = refusal(call);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.args()).containsExactly(args);
    }

    @Test
    void a_citizen_reads_only_their_own_case_and_others_do_not_exist_for_them() {
        assertThat(CaseAccess.requireRead(citizen("sub-zhangwei"), found, "A1", IssuanceError.CASE_NOT_FOUND))
                .isSameAs(beijingCase);
        refusedWith(() -> CaseAccess.requireRead(citizen("sub-lina"), found, "A1", IssuanceError.CASE_NOT_FOUND),
                IssuanceError.CASE_NOT_FOUND, "A1");
        refusedWith(() -> CaseAccess.requireRead(citizen("sub-lina"), Optional.empty(), "A1", IssuanceError.CASE_NOT_FOUND),
                IssuanceError.CASE_NOT_FOUND, "A1");
        refusedWith(() -> CaseAccess.requireOwner(citizen("sub-lina"), found, "A1"), IssuanceError.CASE_NOT_FOUND, "A1");
        assertThat(CaseAccess.requireOwner(citizen("sub-zhangwei"), found, "A1")).isSameAs(beijingCase);
    }

    @Test
    void staff_outside_their_scope_are_told_so_naming_only_the_number_asked_and_their_own_scope() {
        // asked by booking number: the answer names that, not the application number, nor the case's hall or region
        refusedWith(() -> CaseAccess.requireRead(officer("SH-PUDONG"), found, "B9", IssuanceError.TIMELINE_NOT_FOUND),
                IssuanceError.OTHER_HALL, "B9", "SH-PUDONG");
        refusedWith(() -> CaseAccess.requireRead(reviewer("440000"), found, "B9", IssuanceError.TIMELINE_NOT_FOUND),
                IssuanceError.OUT_OF_REVIEW_SCOPE, "B9", "440000");
        assertThatCode(() -> CaseAccess.requireRead(officer("BJ-CHAOYANG"), found, "A1", IssuanceError.CASE_NOT_FOUND))
                .doesNotThrowAnyException();
        assertThatCode(() -> CaseAccess.requireRead(reviewer("110000"), found, "A1", IssuanceError.CASE_NOT_FOUND))
                .doesNotThrowAnyException();
        // a number that does not exist is 404 for staff too
        refusedWith(() -> CaseAccess.requireRead(officer("SH-PUDONG"), Optional.empty(), "A2", IssuanceError.CASE_NOT_FOUND),
                IssuanceError.CASE_NOT_FOUND, "A2");
    }

    @Test
    void a_partner_follows_the_citizens_case_only_with_the_booking_consent() {
        assertThat(CaseAccess.requireRead(partnerFor("sub-zhangwei", "openid", "booking"), found, "A1",
                IssuanceError.CASE_NOT_FOUND)).isSameAs(beijingCase);
        for (Actor unscoped : List.of(partnerFor("sub-zhangwei", "openid"), partnerFor("sub-zhangwei", "openid", "payment"))) {
            refusedWith(() -> CaseAccess.requireRead(unscoped, found, "A1", IssuanceError.CASE_NOT_FOUND),
                    KitError.PARTNER_NOT_AUTHORISED, "booking");
            // the same answer whether the number exists or not
            refusedWith(() -> CaseAccess.requireRead(unscoped, Optional.empty(), "A2", IssuanceError.CASE_NOT_FOUND),
                    KitError.PARTNER_NOT_AUTHORISED, "booking");
            refusedWith(() -> CaseAccess.requireOwner(unscoped, found, "A1"), KitError.PARTNER_NOT_AUTHORISED, "booking");
            refusedWith(() -> CaseAccess.requireReadBooking(unscoped, List.of("sub-zhangwei"), "B1"),
                    KitError.PARTNER_NOT_AUTHORISED, "booking");
            refusedWith(() -> CaseAccess.requireReadBooking(unscoped, List.of(), "B2"),
                    KitError.PARTNER_NOT_AUTHORISED, "booking");
            refusedWith(() -> CaseAccess.requireConsent(unscoped), KitError.PARTNER_NOT_AUTHORISED, "booking");
        }
        // with the consent, another citizen's case still does not exist
        refusedWith(() -> CaseAccess.requireRead(partnerFor("sub-lina", "booking"), found, "A1", IssuanceError.CASE_NOT_FOUND),
                IssuanceError.CASE_NOT_FOUND, "A1");
        assertThatCode(() -> CaseAccess.requireConsent(citizen("sub-zhangwei"))).doesNotThrowAnyException();
    }

    @Test
    void a_bookings_steps_before_acceptance_are_its_citizens_and_other_staff_are_told_so() {
        List<String> owner = List.of("sub-zhangwei");
        assertThatCode(() -> CaseAccess.requireReadBooking(citizen("sub-zhangwei"), owner, "B1")).doesNotThrowAnyException();
        Actor supervisor = new Actor("sub-sup", Set.of(Actor.SUPERVISOR, Actor.REVIEWER), Optional.empty(), Optional.empty());
        assertThatCode(() -> CaseAccess.requireReadBooking(supervisor, owner, "B1")).doesNotThrowAnyException();
        refusedWith(() -> CaseAccess.requireReadBooking(citizen("sub-lina"), owner, "B1"), IssuanceError.TIMELINE_NOT_FOUND, "B1");
        refusedWith(() -> CaseAccess.requireReadBooking(officer("BJ-CHAOYANG"), owner, "B1"), IssuanceError.OUT_OF_SCOPE, "B1");
        refusedWith(() -> CaseAccess.requireReadBooking(reviewer("110000"), owner, "B1"), IssuanceError.OUT_OF_SCOPE, "B1");
        refusedWith(() -> CaseAccess.requireReadBooking(officer("BJ-CHAOYANG"), List.of(), "B2"),
                IssuanceError.TIMELINE_NOT_FOUND, "B2");
    }

    @Test
    void a_reviewer_decides_only_in_their_province() {
        assertThatCode(() -> CaseAccess.requireDecide(reviewer("110000"), beijingCase)).doesNotThrowAnyException();
        refusedWith(() -> CaseAccess.requireDecide(reviewer("440000"), beijingCase), IssuanceError.OUT_OF_REVIEW_SCOPE,
                "A1", "440000");
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
        // names the officer's own hall, not where the case is
        refusedWith(() -> CaseAccess.requireHall(officer("SH-PUDONG"), beijingCase), IssuanceError.OTHER_HALL, "A1", "SH-PUDONG");
        assertThat(CaseAccess.canRead(officer("SH-PUDONG"), "x", "BJ-CHAOYANG", "110105")).isFalse();
    }
}

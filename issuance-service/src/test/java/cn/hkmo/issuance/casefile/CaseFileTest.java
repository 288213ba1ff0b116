package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.issuance.DeadlineChanged;
import cn.hkmo.contracts.issuance.PermitIssued;
import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.deadline.Deadline;
import cn.hkmo.issuance.deadline.DeadlineBasis;
import cn.hkmo.issuance.payment.PaymentStanding;
import cn.hkmo.issuance.permit.PermitIssuer;
import cn.hkmo.kit.problem.ProblemException;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static cn.hkmo.issuance.casefile.Cases.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseFileTest {

    private final PermitIssuer issuer = Cases.issuer();

    /**
     * Replays facts in the given order the way the service does (every change followed by
     * issueIfReady) and returns the issuance events.
     * Letters: O = accepted (opens the case; payments before it are held by the ledger),
     * P = paid, R = refunded, A = approved, X = refused.
     */
    private List<PermitIssued> replay(String order) {
        List<PermitIssued> issued = new ArrayList<>();
        CaseFile c = null;
        boolean ledgerPaid = false;
        for (char fact : order.toCharArray()) {
            OffsetDateTime now = at(2026, 3, 2);
            switch (fact) {
                case 'O' -> {
                    if (c == null) { // a duplicate acceptance does not reopen
                        c = Cases.open(Cases.accepted("A1", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, Cases.EMS,
                                LocalDate.of(2026, 3, 2)), ledgerPaid);
                    }
                }
                case 'P' -> ledgerPaid = true;
                case 'R' -> ledgerPaid = false;
                case 'A' -> {
                    if (c.decision() == Decision.PENDING) {
                        c.approve("reviewer.bj", now);
                    }
                }
                case 'X' -> {
                    if (c.decision() == Decision.PENDING) {
                        c.refuse("reviewer.bj", "110000-2026-000001", List.of("材料虚假"), null, now);
                    }
                }
                default -> throw new IllegalArgumentException(String.valueOf(fact));
            }
            if (c != null) {
                c.paymentStatus(Cases.standing(ledgerPaid));
                c.issueIfReady(issuer, n -> false, now).ifPresent(issued::add);
            }
        }
        return issued;
    }

    @ParameterizedTest(name = "{0} issues once")
    @ValueSource(strings = {"OPA", "OAP", "POA", "PPOAA", "OAPP", "OPPAP", "OOAPOP", "PRPOA", "OAPRP"})
    void approval_and_payment_in_any_order_and_repeated_issue_exactly_once(String order) {
        assertThat(replay(order)).hasSize(1);
    }

    @ParameterizedTest(name = "{0} never issues")
    @ValueSource(strings = {"OP", "OA", "POPP", "OXP", "POX", "OXPA", "PROA", "PRPROA", "OPRA", "OXAP"})
    void never_issues_without_both_or_after_a_refusal(String order) {
        assertThat(replay(order)).isEmpty();
    }

    @Test
    void a_refund_of_all_but_one_fen_holds_the_permit_and_a_refund_after_issuance_changes_only_the_amounts() {
        CaseFile c = Cases.open(Cases.accepted("A6", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, Cases.EMS,
                LocalDate.of(2026, 3, 2)), true);
        c.paymentStatus(new PaymentStanding(9000L, 9000, 8999, 9000));
        c.approve("reviewer.bj", at(2026, 3, 4));
        assertThat(c.paid()).isFalse();
        assertThat(c.issueIfReady(issuer, n -> false, at(2026, 3, 4))).isEmpty();

        c.paymentStatus(new PaymentStanding(9000L, 18000, 8999, 9000)); // paid again
        assertThat(c.issueIfReady(issuer, n -> false, at(2026, 3, 5))).isPresent();

        c.paymentStatus(new PaymentStanding(9000L, 18000, 18000, 9000));
        assertThat(c.paid()).as("an issued permit stays paid").isTrue();
        assertThat(c.refundedFen()).isEqualTo(18000);
    }

    @Test
    void issuance_makes_a_ten_year_card_from_the_issue_date() {
        CaseFile c = Cases.open(Cases.accepted("A2", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, Cases.EMS,
                LocalDate.of(2026, 3, 2)), true);
        c.approve("reviewer.bj", at(2026, 3, 4));
        PermitIssued issued = c.issueIfReady(issuer, n -> false, at(2026, 3, 5)).orElseThrow();

        assertThat(issued.permitNo()).matches("C[0-9A-Z]{8}");
        assertThat(issued.newCard()).isTrue();
        assertThat(issued.permitValidFrom()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(issued.permitValidUntil()).isEqualTo(LocalDate.of(2036, 3, 4));
        // notification-service tells a mailed permit by its dispatch, one at the hall as ready for collection there
        assertThat(issued.collection()).isEqualTo(CollectionMethod.EMS);
        assertThat(issued.hallId()).isNotBlank();
        assertThat(c.status()).isEqualTo(CaseStatus.ISSUED);
        assertThat(c.endorsements()).extracting(e -> e.letter() + " " + e.destination() + " " + e.validFrom() + ".." + e.validUntil())
                .containsExactly("G HK 2026-03-05..2027-03-04", "T MO 2026-03-05..2026-06-04");
        assertThat(c.issueIfReady(issuer, n -> false, at(2026, 3, 6))).isEmpty();
    }

    @Test
    void a_re_endorsement_issues_only_the_endorsements_on_the_permit_held() {
        CaseFile c = Cases.open(Cases.accepted("A3", Cases.ZHANGWEI, ApplicationCategory.ENDORSEMENT_ONLY, Cases.HALL,
                LocalDate.of(2026, 3, 2)), true);
        c.approve("reviewer.bj", at(2026, 3, 3));
        PermitIssued issued = c.issueIfReady(issuer, n -> false, at(2026, 3, 3)).orElseThrow();

        assertThat(issued.newCard()).isFalse();
        assertThat(issued.permitNo()).isEqualTo("C12345678");
        assertThat(issued.permitValidFrom()).isNull();
        assertThat(c.cardType()).isNull();
        assertThat(c.status()).isEqualTo(CaseStatus.READY_FOR_COLLECTION);
        assertThat(c.readyAt()).isEqualTo(at(2026, 3, 3));
    }

    @Test
    void a_refusal_is_final_and_keeps_its_reasons() {
        CaseFile c = Cases.open(Cases.accepted("A4", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, Cases.EMS,
                LocalDate.of(2026, 3, 2)), false);
        var refused = c.refuse("reviewer.bj", "110000-2026-000007", List.of("提交虚假材料", "不符合申请条件"), "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》", at(2026, 3, 4));

        assertThat(refused.decisionNo()).isEqualTo("110000-2026-000007");
        assertThat(c.status()).isEqualTo(CaseStatus.REFUSED);
        assertThat(c.refusalReasons()).containsExactly("提交虚假材料", "不符合申请条件");
        expectProblem(IssuanceError.CASE_ALREADY_DECIDED, () -> c.approve("reviewer.bj", at(2026, 3, 5)));
        c.paymentStatus(Cases.standing(true));
        assertThat(c.issueIfReady(issuer, n -> false, at(2026, 3, 5))).isEmpty();
        expectProblem(IssuanceError.DELIVERY_CHANGE_CLOSED, () -> c.changeDelivery(Cases.HALL));
    }

    @Nested
    class Delivery {

        private CaseFile issued(cn.hkmo.contracts.common.Delivery delivery) {
            CaseFile c = Cases.open(Cases.accepted("A5", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, delivery,
                    LocalDate.of(2026, 3, 2)), true);
            c.approve("reviewer.bj", at(2026, 3, 3));
            c.issueIfReady(issuer, n -> false, at(2026, 3, 4)).orElseThrow();
            return c;
        }

        @Test
        void a_reported_time_before_the_step_it_follows_is_refused() {
            CaseFile c = issued(Cases.EMS);
            // issued on 4 March: a dispatch reported on 3 March would put the timeline out of order
            expectProblem(IssuanceError.REPORTED_TIME_BEFORE_PREVIOUS_STEP, () -> c.dispatch("EA123456789CN", at(2026, 3, 3), null));
            assertThat(c.status()).isEqualTo(CaseStatus.ISSUED);
            c.dispatch("EA123456789CN", at(2026, 3, 5), null).orElseThrow();
            expectProblem(IssuanceError.REPORTED_TIME_BEFORE_PREVIOUS_STEP, () -> c.deliver("EA123456789CN", at(2026, 3, 4), null));
            assertThat(c.status()).isEqualTo(CaseStatus.DISPATCHED);
        }

        @Test
        void ems_dispatch_then_delivery_and_repeats_are_no_ops() {
            CaseFile c = issued(Cases.EMS);
            assertThat(c.dispatch("EA123456789CN", at(2026, 3, 5), null)).isPresent();
            assertThat(c.dispatch("EA123456789CN", at(2026, 3, 5), null)).isEmpty();
            expectProblem(IssuanceError.WAYBILL_MISMATCH, () -> c.dispatch("EA000000000CN", at(2026, 3, 5), null));
            expectProblem(IssuanceError.DELIVERY_CHANGE_CLOSED, () -> c.changeDelivery(Cases.HALL));
            assertThat(c.deliver("EA123456789CN", at(2026, 3, 6), null)).isPresent();
            assertThat(c.deliver("EA123456789CN", at(2026, 3, 6), null)).isEmpty();
            assertThat(c.status()).isEqualTo(CaseStatus.DELIVERED);
        }

        @Test
        void the_mailing_keeps_its_steps_with_time_and_place_in_the_order_they_happened() {
            CaseFile c = issued(Cases.EMS);
            c.dispatch("EA123456789CN", at(2026, 3, 5), "北京朝阳邮政营业部").orElseThrow();
            // EMS reports the sorting-centre scan after the postman's: the steps still read in the order they happened
            assertThat(c.track("EA123456789CN", TrackingStatus.OUT_FOR_DELIVERY, at(2026, 3, 6).plusHours(9), "北京海淀投递部"))
                    .isPresent();
            assertThat(c.track("EA123456789CN", TrackingStatus.IN_TRANSIT, at(2026, 3, 6), "北京邮区中心局")).isPresent();
            assertThat(c.track("EA123456789CN", TrackingStatus.IN_TRANSIT, at(2026, 3, 6).plusMinutes(1), "北京邮区中心局"))
                    .as("a retry, stamped with its own time").isEmpty();
            expectProblem(IssuanceError.WAYBILL_MISMATCH,
                    () -> c.track("EA000000000CN", TrackingStatus.IN_TRANSIT, at(2026, 3, 6), "北京邮区中心局"));
            expectProblem(IssuanceError.REPORTED_TIME_BEFORE_PREVIOUS_STEP,
                    () -> c.track("EA123456789CN", TrackingStatus.IN_TRANSIT, at(2026, 3, 4), "天津邮区中心局"));
            c.deliver("EA123456789CN", at(2026, 3, 7), "北京海淀区").orElseThrow();

            assertThat(c.tracking()).extracting(TrackingStep::status).containsExactly(TrackingStatus.POSTED,
                    TrackingStatus.IN_TRANSIT, TrackingStatus.OUT_FOR_DELIVERY, TrackingStatus.DELIVERED);
            assertThat(c.tracking()).extracting(TrackingStep::place).containsExactly("北京朝阳邮政营业部", "北京邮区中心局",
                    "北京海淀投递部", "北京海淀区");
            // nothing is on its way any more
            expectProblem(IssuanceError.NOT_DISPATCHED,
                    () -> c.track("EA123456789CN", TrackingStatus.RETURNED, at(2026, 3, 8), "北京海淀投递部"));
        }

        @Test
        void delivery_before_dispatch_is_refused() {
            CaseFile c = issued(Cases.EMS);
            expectProblem(IssuanceError.NOT_DISPATCHED, () -> c.deliver("EA123456789CN", at(2026, 3, 6), null));
        }

        @Test
        void not_dispatched_before_issuance() {
            CaseFile c = Cases.open(Cases.accepted("A6", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, Cases.EMS,
                    LocalDate.of(2026, 3, 2)), true);
            expectProblem(IssuanceError.NOT_AWAITING_DISPATCH, () -> c.dispatch("EA123456789CN", at(2026, 3, 5), null));
        }

        @Test
        void the_citizen_switches_between_mail_and_hall_until_dispatch() {
            CaseFile c = issued(Cases.EMS);
            c.changeDelivery(Cases.HALL);
            assertThat(c.status()).isEqualTo(CaseStatus.READY_FOR_COLLECTION);
            assertThat(c.readyAt()).isEqualTo(at(2026, 3, 4));
            expectProblem(IssuanceError.NOT_FOR_MAILING, () -> c.dispatch("EA123456789CN", at(2026, 3, 5), null));
            c.changeDelivery(Cases.EMS);
            assertThat(c.status()).isEqualTo(CaseStatus.ISSUED);
            assertThat(c.deliveryMethod()).isEqualTo(CollectionMethod.EMS);
            assertThat(c.readyAt()).isNull();
        }

        @Test
        void collection_by_a_proxy_at_the_hall() {
            CaseFile c = issued(Cases.HALL);
            var collected = c.collect(new CaseFile.Proxy("李娜", new ResidentIdOnFile("310104195806120025", "h", "310104********0025")),
                    "officer.bj", at(2026, 3, 9));
            assertThat(collected.byProxy()).isTrue();
            assertThat(c.status()).isEqualTo(CaseStatus.COLLECTED);
            assertThat(c.proxyIdMasked()).isEqualTo("310104********0025");
            expectProblem(IssuanceError.NOT_READY_FOR_COLLECTION, () -> c.collect(null, "officer.bj", at(2026, 3, 9)));
        }

        @Test
        void the_collection_deadline_reminder_comes_once_when_due_and_only_for_a_permit_waiting_at_the_hall() {
            CollectionPeriod period = new CollectionPeriod(Duration.ofDays(90), Duration.ofDays(7));
            CaseFile c = issued(Cases.HALL);
            assertThat(c.remindOfCollectionDeadline(period, at(2026, 5, 25))).as("83 days after ready, less a day").isEmpty();
            var near = c.remindOfCollectionDeadline(period, at(2026, 5, 26)).orElseThrow();
            assertThat(near.collectBy()).isEqualTo(LocalDate.of(2026, 6, 2));
            assertThat(near.hallId()).isEqualTo(c.hallId());
            assertThat(near.subject()).isEqualTo(Cases.ZHANGWEI.subject());
            assertThat(c.collectionRemindedAt()).isEqualTo(at(2026, 5, 26));
            assertThat(c.remindOfCollectionDeadline(period, at(2026, 5, 27))).as("once").isEmpty();

            assertThat(issued(Cases.EMS).remindOfCollectionDeadline(period, at(2026, 5, 26))).as("mailed").isEmpty();
            CaseFile collected = issued(Cases.HALL);
            collected.collect(null, "officer.bj", at(2026, 3, 9));
            assertThat(collected.remindOfCollectionDeadline(period, at(2026, 5, 26))).as("collected").isEmpty();
        }

        @Test
        void a_mailed_permit_is_not_collected_at_the_hall() {
            CaseFile c = issued(Cases.EMS);
            expectProblem(IssuanceError.NOT_READY_FOR_COLLECTION, () -> c.collect(null, "officer.bj", at(2026, 3, 9)));
        }
    }

    @Nested
    class Deadline_extension {

        @Test
        void recorded_with_its_approval_while_pending() {
            CaseFile c = Cases.open(Cases.accepted("A7", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, Cases.EMS,
                    LocalDate.of(2026, 9, 30)), false);
            c.extendDeadline(new Deadline(LocalDate.of(2026, 11, 3), DeadlineBasis.EXTENDED_WORKING_DAYS, 20, false),
                    "京公出入境延〔2026〕12号", "北京市公安局出入境管理总队", "偏远地区", "supervisor", at(2026, 10, 9));
            assertThat(c.deadline()).isEqualTo(LocalDate.of(2026, 11, 3));
            assertThat(c.deadlineBasis()).isEqualTo(DeadlineBasis.EXTENDED_WORKING_DAYS);
            assertThat(c.extensionApprovalNo()).isEqualTo("京公出入境延〔2026〕12号");
        }

        @Test
        void never_shortens_and_never_after_issuance() {
            CaseFile c = Cases.open(Cases.accepted("A8", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, Cases.EMS,
                    LocalDate.of(2026, 3, 2)), true);
            expectProblem(IssuanceError.EXTENSION_NOT_LONGER, () -> c.extendDeadline(
                    new Deadline(c.deadline(), DeadlineBasis.EXTENDED_WORKING_DAYS, 8, false), "n", "b", "r", "s", at(2026, 3, 3)));
            c.approve("reviewer.bj", at(2026, 3, 3));
            c.issueIfReady(issuer, n -> false, at(2026, 3, 3));
            expectProblem(IssuanceError.CASE_NOT_PENDING, () -> c.extendDeadline(
                    new Deadline(LocalDate.of(2026, 3, 30), DeadlineBasis.EXTENDED_WORKING_DAYS, 20, false), "n", "b", "r", "s", at(2026, 3, 3)));
        }

        @Test
        void a_provisional_deadline_is_recomputed_until_final_and_says_what_changed() {
            CaseFile c = CaseFile.open(Cases.accepted("A9", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, Cases.EMS,
                    LocalDate.of(2027, 9, 29)), new Deadline(LocalDate.of(2027, 10, 13), DeadlineBasis.HUKOU_WORKING_DAYS, 7, true),
                    Cases.standing(false), new ResidentIdOnFile("s", "h", "m"), at(2027, 9, 29));
            assertThat(c.deadlineOpenToRecomputation()).isTrue();
            assertThat(c.opened().deadlineProvisional()).isTrue();
            var moved = c.recomputeDeadline(new Deadline(LocalDate.of(2027, 10, 14), DeadlineBasis.HUKOU_WORKING_DAYS, 7, false),
                    at(2027, 9, 30));
            assertThat(moved).get().satisfies(e -> {
                assertThat(e.previousDeadline()).isEqualTo(LocalDate.of(2027, 10, 13));
                assertThat(e.deadline()).isEqualTo(LocalDate.of(2027, 10, 14));
                assertThat(e.provisional()).isFalse();
                assertThat(e.reason()).isEqualTo(DeadlineChanged.NOTICE_LOADED);
            });
            assertThat(c.deadlineOpenToRecomputation()).isFalse();
            assertThat(c.recomputeDeadline(new Deadline(LocalDate.of(2027, 10, 14), DeadlineBasis.HUKOU_WORKING_DAYS, 7, false),
                    at(2027, 9, 30))).as("the same answer again changes nothing").isEmpty();
        }

        @Test
        void an_extension_says_what_it_changed() {
            CaseFile c = Cases.open(Cases.accepted("A11", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, Cases.EMS,
                    LocalDate.of(2026, 9, 30)), false);
            LocalDate before = c.deadline();
            DeadlineChanged e = c.extendDeadline(new Deadline(LocalDate.of(2026, 11, 3), DeadlineBasis.EXTENDED_WORKING_DAYS, 20,
                    false), "n", "b", "r", "s", at(2026, 10, 9));
            assertThat(e.previousDeadline()).isEqualTo(before);
            assertThat(e.reason()).isEqualTo(DeadlineChanged.EXTENDED);
            assertThat(e.days()).isEqualTo(20);
        }
    }

    @Test
    void urgent_cases_are_flagged() {
        var accepted = Cases.accepted("A10", Cases.ZHANGWEI, ApplicationCategory.FIRST_APPLICATION, Cases.EMS,
                LocalDate.of(2026, 3, 2));
        var urgent = new cn.hkmo.contracts.applications.ApplicationAccepted(accepted.applicationNo(), accepted.receiptNo(),
                accepted.bookingNo(), accepted.hallId(), accepted.hallRegion(), accepted.applicant(), accepted.category(),
                null, 10, accepted.endorsements(), true, "奔丧", accepted.delivery(), "officer.bj",
                accepted.acceptanceDate(), accepted.acceptedAt());
        assertThat(Cases.open(urgent, false).isUrgent()).isTrue();
        assertThat(Cases.open(urgent, false).opened().urgent()).isTrue();
        assertThat(Cases.open(accepted, false).isUrgent()).isFalse();
    }

    private static void expectProblem(IssuanceError code, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.errorCode()).isEqualTo(code));
    }
}

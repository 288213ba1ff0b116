package cn.hkmo.fee.payment;

import cn.hkmo.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FourEyesTest {

    @Test
    void onlyCashRefundsWaitForASecondPerson() {
        assertThat(FourEyes.required(Channel.COUNTER)).isTrue();
        assertThat(FourEyes.required(Channel.ALIPAY)).isFalse();
    }

    @Test
    void theRequesterCannotApproveTheirOwnRefund() {
        Refund refund = new Refund();
        refund.refundNo = "RF-1";
        refund.requestedBy = "officer-subject";

        assertThatThrownBy(() -> FourEyes.requireSecondPerson(refund, "officer-subject"))
                .isInstanceOfSatisfying(ProblemException.class,
                        e -> assertThat(e.errorCode().code()).isEqualTo("REFUND_SELF_APPROVAL"));
        FourEyes.requireSecondPerson(refund, "admin-subject");
    }
}

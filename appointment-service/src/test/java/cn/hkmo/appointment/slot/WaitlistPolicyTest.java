package cn.hkmo.appointment.slot;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WaitlistPolicyTest {

    private final WaitlistPolicy policy = new WaitlistPolicy(2);

    @Test
    void aCitizenWaitsForAtMostTheConfiguredNumberOfWindows() {
        assertThat(policy.checkJoin(0)).isEmpty();
        assertThat(policy.checkJoin(1)).isEmpty();
        assertThat(policy.checkJoin(2)).get().extracting(Violation::code).isEqualTo(AppointmentError.WAITLIST_LIMIT_REACHED);
        assertThat(policy.checkJoin(2).orElseThrow().args()).containsExactly(2);
    }

    @Test
    void aCitizenHoldsOneOfferAtATime() {
        assertThat(policy.mayBeOffered(0)).isTrue();
        assertThat(policy.mayBeOffered(1)).isFalse();
    }

    @Test
    void aLimitOfNothingIsAConfigurationMistake() {
        assertThatThrownBy(() -> new WaitlistPolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

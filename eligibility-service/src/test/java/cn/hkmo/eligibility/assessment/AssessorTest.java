package cn.hkmo.eligibility.assessment;

import cn.hkmo.eligibility.rules.Assessment;
import cn.hkmo.eligibility.rules.Fixtures;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.delegation.DelegationRules;
import cn.hkmo.kit.identity.Caller;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Set;

import static cn.hkmo.eligibility.rules.Fixtures.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** The public assessment as an anonymous caller sends it, without a container: what the body says reaches the rules. */
class AssessorTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
    private final Assessor assessor = new Assessor(Fixtures.rules(), clock);
    private final Caller anonymous = new Caller(QuarkusSecurityIdentity.builder().setAnonymous(true).build(), null, clock, Set.of());

    private Assessment assess(String atOriginalOffice) throws Exception {
        return assessor.assess(JSON.readValue("""
                {"birthDate": "1990-03-07", "hukouRegion": "110105", "category": "ENDORSEMENT_ONLY",
                 "currentPermit": {"number": "CA3273201", "form": "CARD", "expiry": "2031-01-01"},
                 "endorsements": [{"destination": "HK", "type": "T",
                                   "familyVisit": {"relationship": "PARENT", "relativeStatus": "SETTLED"}}],
                 %s "submitter": "ENTRUSTED_PERSON"}""".formatted(atOriginalOffice), ApplicationBody.class), anonymous);
    }

    @Test
    @DisplayName("docs/domain.md#r-delegation: a delegate for T, the permit not issued by this office, no office named: refused [FAQ2 Q43]")
    void delegateRefusedWhenNotTheOriginalOfficeEvenWithoutOfficeRegion() throws Exception {
        Assessment assessment = assess("\"atOriginalOffice\": false,");
        assertThat(assessment.allowed()).isFalse();
        assertThat(assessment.refusals()).extracting(Reason::code).containsExactly("DELEGATION_NOT_ALLOWED");
        assertThat(assessment.refusals()).extracting(Reason::rule).containsExactly(DelegationRules.ORIGINAL_OFFICE);
        assertThat(assessment.attendance().delegates()).isEmpty();
    }

    @Test
    @DisplayName("docs/domain.md#r-delegation: the same delegate at the issuing office, or not known: allowed, the condition stated while unknown")
    void delegateAllowedAtTheOriginalOfficeOrWithItsCondition() throws Exception {
        assertThat(assess("\"atOriginalOffice\": true,").attendance().delegates())
                .singleElement().satisfies(option -> assertThat(option.condition()).isNull());
        Assessment unknown = assess("");
        assertThat(unknown.allowed()).isTrue();
        assertThat(unknown.attendance().delegates()).singleElement()
                .satisfies(option -> assertThat(option.condition()).contains("原通行证"));
    }
}

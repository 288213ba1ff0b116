package cn.hkmo.bench;

import cn.hkmo.eligibility.assessment.ApplicationBody;
import cn.hkmo.eligibility.assessment.ApplicationMapper;
import cn.hkmo.eligibility.rules.Assessment;
import cn.hkmo.eligibility.rules.AssessmentRequest;
import cn.hkmo.eligibility.rules.EligibilityRules;
import cn.hkmo.eligibility.rules.EligibilityRulesConfig;
import cn.hkmo.kit.identity.ResidentId;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;

/** The eligibility rules engine in-process, configured with its defaults, and the request the HTTP runs post. */
public final class RulesEngine {

    /** The eligibility-service README's example body: family visit to a settled child in HK plus a business endorsement. */
    public static final String BODY = """
            {"birthDate": "1960-05-01", "hukouRegion": "440304", "category": "ENDORSEMENT_ONLY",
             "currentPermit": {"number": "C88600000", "form": "CARD", "expiry": "2030-01-01"},
             "endorsements": [{"destination": "HK", "type": "T", "familyVisit": {"relationship": "CHILD", "relativeStatus": "SETTLED"}},
                              {"destination": "HK", "type": "G"}]}""";

    private final EligibilityRules rules;
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    public RulesEngine() {
        EligibilityRulesConfig config = new SmallRyeConfigBuilder().withMapping(EligibilityRulesConfig.class).build()
                .getConfigMapping(EligibilityRulesConfig.class);
        this.rules = new EligibilityRules(config);
    }

    /** The body as the service's REST layer reads it. */
    public ApplicationBody body(String json) {
        try {
            return Http.JSON.readValue(json, ApplicationBody.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the service's Assessor does for a logged-in citizen: the applicant is the token's resident ID (the bench
     * runs the HTTP part with bench citizen 0's token, so both sides assess the same person).
     */
    public AssessmentRequest request(ApplicationBody body) {
        ResidentId id = ResidentId.parse(ResidentIds.benchCitizen(0), today);
        return ApplicationMapper.toRequest(body, ApplicationMapper.Identity.of(id), today, null);
    }

    public Assessment assess(AssessmentRequest request) {
        return rules.assess(request);
    }

    /** JSON in, JSON out: the in-process equivalent of one HTTP assessment. */
    public String assessJson(String json) {
        try {
            return Http.JSON.writeValueAsString(assess(request(body(json))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package cn.hkmo.eligibility.assessment;

import cn.hkmo.eligibility.EligibilityError;
import cn.hkmo.eligibility.rules.Assessment;
import cn.hkmo.eligibility.rules.AssessmentRequest;
import cn.hkmo.eligibility.rules.EligibilityRules;
import cn.hkmo.eligibility.rules.InvalidRequestException;
import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.Violation;
import cn.hkmo.eligibility.rules.office.Office;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/** Public assessments: whose profile, which day, which office; then the rules engine. */
@ApplicationScoped
public class Assessor {

    private final EligibilityRules rules;
    private final Clock clock;

    public Assessor(EligibilityRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** A logged-in citizen is assessed on their own ID; anyone else on the resident ID or birth date they give. */
    public Assessment assess(ApplicationBody body, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        ApplicationMapper.Identity identity = identity(body, caller, today);
        LocalDate date = body.applicationDate() != null ? body.applicationDate() : today;
        if (body.officeRegion() != null && !Region.isValid(body.officeRegion())) {
            throw RequestDefect.problem(new InvalidRequestException(List.of(
                    new Violation("officeRegion", "INVALID_REGION", "must be a six-digit mainland GB/T 2260 code"))));
        }
        // atOriginalOffice decides delegation even when no office is named (a "no" must never read as "unknown").
        Office at = body.officeRegion() == null && body.atOriginalOffice() == null ? null
                : new Office(body.officeRegion() == null ? null : new Region(body.officeRegion()), body.atOriginalOffice());
        return engine(() -> rules.assess(ApplicationMapper.toRequest(body, identity, date, at)));
    }

    /** Runs the engine; a request it cannot assess becomes one 400 listing every defect. */
    public static <T> T engine(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidRequestException e) {
            throw RequestDefect.problem(e);
        }
    }

    public Assessment assess(AssessmentRequest request) {
        return engine(() -> rules.assess(request));
    }

    private static ApplicationMapper.Identity identity(ApplicationBody body, Caller caller, LocalDate today) {
        if (caller.hasRole(Caller.CITIZEN)) {
            var own = caller.residentId();
            if (own.isPresent()) {
                return ApplicationMapper.Identity.of(own.get());
            }
        }
        if (body.residentId() != null) {
            return ApplicationMapper.Identity.of(ResidentId.parse(body.residentId(), today));
        }
        if (body.birthDate() != null) {
            return new ApplicationMapper.Identity(body.birthDate(), null, null);
        }
        throw new ProblemException(EligibilityError.APPLICANT_UNKNOWN);
    }
}

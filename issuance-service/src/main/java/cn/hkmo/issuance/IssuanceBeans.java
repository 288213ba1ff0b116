package cn.hkmo.issuance;

import cn.hkmo.issuance.deadline.DeadlineRules;
import cn.hkmo.issuance.deadline.StatutoryDeadline;
import cn.hkmo.issuance.permit.PermitIssuer;
import cn.hkmo.issuance.permit.PermitNumberFormat;
import cn.hkmo.kit.calendar.CalendarSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.security.SecureRandom;

/** Builds the plain-Java rule objects from configuration. */
@ApplicationScoped
public class IssuanceBeans {

    @Produces
    @Singleton
    StatutoryDeadline statutoryDeadline(CalendarSource calendar, IssuanceConfig config) {
        IssuanceConfig.Deadline d = config.deadline();
        return new StatutoryDeadline(calendar::current, new DeadlineRules(d.hukouWorkingDays(), d.nonHukouDays(), d.nonHukouUnit(),
                d.maxExtendedWorkingDays(), d.acceptanceDayCounts()));
    }

    /** Numbers from a SecureRandom: a permit number must not be predictable from the previous one. */
    @Produces
    @Singleton
    PermitIssuer permitIssuer(IssuanceConfig config) {
        IssuanceConfig.PermitNumber n = config.permitNumber();
        return new PermitIssuer(new PermitNumberFormat(n.prefix(), n.length(), n.alphabet()), new SecureRandom());
    }
}

package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.issuance.deadline.Deadline;
import cn.hkmo.issuance.deadline.StatutoryDeadline;
import cn.hkmo.issuance.payment.PaymentFact;
import cn.hkmo.issuance.payment.PaymentLedger;
import cn.hkmo.issuance.permit.PermitValidity;
import cn.hkmo.kit.calendar.CalendarYearUnknownException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/** What other services' events do to cases: the acceptance opens one, payments and refunds mark it. */
@ApplicationScoped
public class CaseIntake {

    private static final Logger LOG = Logger.getLogger(CaseIntake.class);

    private final CaseStore store;
    private final PaymentLedger payments;
    private final StatutoryDeadline statutory;
    private final PersonalData personalData;
    private final CaseEvents events;
    private final CaseProgress progress;
    private final Clock clock;

    public CaseIntake(CaseStore store, PaymentLedger payments, StatutoryDeadline statutory, PersonalData personalData,
                      CaseEvents events, CaseProgress progress, Clock clock) {
        this.store = store;
        this.payments = payments;
        this.statutory = statutory;
        this.personalData = personalData;
        this.events = events;
        this.progress = progress;
        this.clock = clock;
    }

    /** Opens the case, taking in a payment that arrived first. A second acceptance of the same number changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(ApplicationAccepted accepted) {
        if (store.lock(accepted.applicationNo()).isPresent()) {
            LOG.infof("case %s is already open; repeated acceptance ignored", accepted.applicationNo());
            return;
        }
        if (accepted.permitRequested() && accepted.permitValidityYears() != 0) {
            int years = PermitValidity.yearsFor(accepted.applicant().birthDate(), accepted.acceptanceDate());
            if (years != accepted.permitValidityYears()) {
                LOG.warnf("case %s: intake says a %d-year permit, the age rule gives %d; issuing by the age rule",
                        accepted.applicationNo(), accepted.permitValidityYears(), years);
            }
        }
        CaseFile c = CaseFile.open(accepted, deadlineOf(accepted), payments.standing(accepted.applicationNo()),
                personalData.seal(accepted.applicant().residentId()), personalData.seal(accepted.delivery()),
                OffsetDateTime.now(clock));
        store.persist(c);
        events.publish(c.applicationNo(), c.opened());
        progress.issueIfReady(c);
    }

    /** Records an assessment, payment or refund; the case, if already open, follows the ledger. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void payment(PaymentFact fact, String applicationNo) {
        var existing = store.lock(applicationNo);
        payments.record(fact);
        existing.ifPresent(c -> {
            c.paymentStatus(payments.standing(applicationNo));
            progress.issueIfReady(c);
        });
    }

    /**
     * The deadline, provisional if the period runs through a year without its holiday notice. Only a year the calendar
     * cannot cover at all (before 2025 without a notice, after 2100) leaves it open (null) for supervisors.
     */
    private Deadline deadlineOf(ApplicationAccepted accepted) {
        try {
            return statutory.initial(accepted.acceptanceDate(), accepted.hukouLocal());
        } catch (CalendarYearUnknownException e) {
            LOG.warnf("case %s opened without a deadline: %s", accepted.applicationNo(), e.getMessage());
            return null;
        }
    }
}

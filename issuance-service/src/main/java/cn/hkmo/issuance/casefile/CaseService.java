package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.deadline.Deadline;
import cn.hkmo.issuance.deadline.StatutoryDeadline;
import cn.hkmo.issuance.payment.PaymentFact;
import cn.hkmo.issuance.payment.PaymentLedger;
import cn.hkmo.issuance.permit.PermitValidity;
import cn.hkmo.kit.calendar.CalendarYearUnknownException;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * The case file's commands: other services' events open a case (the acceptance) and mark it (payments and refunds),
 * in the consumer's transaction; its citizen changes how the permit reaches them until it is dispatched or collected.
 */
@ApplicationScoped
@Transactional
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final CaseFiles store;
    private final PaymentLedger payments;
    private final StatutoryDeadline statutory;
    private final PersonalData personalData;
    private final CaseEvents events;
    private final CaseProgress progress;
    private final CaseViews views;
    private final Clock clock;

    public CaseService(CaseFiles store, PaymentLedger payments, StatutoryDeadline statutory, PersonalData personalData,
                       CaseEvents events, CaseProgress progress, CaseViews views, Clock clock) {
        this.store = store;
        this.payments = payments;
        this.statutory = statutory;
        this.personalData = personalData;
        this.events = events;
        this.progress = progress;
        this.views = views;
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
                personalData.residentId(accepted.applicant().residentId()), OffsetDateTime.now(clock));
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

    public CaseView changeDelivery(Actor citizen, String applicationNo, DeliveryChange change) {
        CaseFile c = CaseAccess.requireOwner(citizen, store.lock(applicationNo), applicationNo);
        if (change.method() == CollectionMethod.EMS && (blank(change.recipient()) || blank(change.mobile()) || blank(change.address()))) {
            throw new ProblemException(IssuanceError.EMS_ADDRESS_REQUIRED);
        }
        CaseStatus before = c.status();
        Delivery delivery = change.method() == CollectionMethod.EMS
                ? new Delivery(CollectionMethod.EMS, change.recipient(), change.mobile(), change.address())
                : new Delivery(CollectionMethod.HALL, null, null, null);
        c.changeDelivery(delivery);
        if (before == CaseStatus.ISSUED && c.status() == CaseStatus.READY_FOR_COLLECTION) {
            progress.readyNotice(c, OffsetDateTime.now(clock));
        }
        return views.of(c);
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

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

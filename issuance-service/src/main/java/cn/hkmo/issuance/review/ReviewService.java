package cn.hkmo.issuance.review;

import cn.hkmo.issuance.IssuanceConfig;
import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.casefile.Actor;
import cn.hkmo.issuance.casefile.CaseAccess;
import cn.hkmo.issuance.casefile.CaseEvents;
import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.casefile.CaseFiles;
import cn.hkmo.issuance.casefile.CaseProgress;
import cn.hkmo.issuance.casefile.Decision;
import cn.hkmo.issuance.payment.PaymentLedger;
import cn.hkmo.kit.document.Authorities;
import cn.hkmo.kit.document.DocumentType;
import cn.hkmo.kit.document.IssuedDocuments;
import cn.hkmo.kit.document.PrintedDocument;
import cn.hkmo.kit.document.Verification;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;

/** Review decisions (审批): the queue, approval, refusal with its decision document. */
@ApplicationScoped
@Transactional
public class ReviewService {

    private final CaseFiles store;
    private final CaseEvents events;
    private final CaseProgress progress;
    private final IssuanceConfig config;
    private final PaymentLedger payments;
    private final Validator validator;
    private final Authorities authorities;
    private final IssuedDocuments documents;
    private final Clock clock;

    public ReviewService(CaseFiles store, CaseEvents events, CaseProgress progress, IssuanceConfig config,
                         PaymentLedger payments, Validator validator, Authorities authorities, IssuedDocuments documents,
                         Clock clock) {
        this.store = store;
        this.events = events;
        this.progress = progress;
        this.config = config;
        this.payments = payments;
        this.validator = validator;
        this.authorities = authorities;
        this.documents = documents;
        this.clock = clock;
    }

    /** Undecided cases of the reviewer's province (all provinces for a supervisor), urgent first, then by deadline. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReviewItem> queue(Actor actor, String hallId, PageRequest paging) {
        String province = actor.has(Actor.SUPERVISOR) ? null
                : actor.reviewRegion().filter(r -> r.length() >= 2).map(r -> r.substring(0, 2))
                .orElseThrow(() -> new ProblemException(IssuanceError.OUT_OF_REVIEW_SCOPE, "-", "-"));
        return Page.of(paging, store.reviewQueue(province, hallId), ReviewItem::of);
    }

    public void approve(Actor actor, String applicationNo) {
        CaseFile c = store.lockExisting(applicationNo);
        CaseAccess.requireDecide(actor, c);
        events.publish(applicationNo, c.approve(actor.subject(), OffsetDateTime.now(clock)));
        progress.issueIfReady(c);
    }

    /** The body is validated here, after the scope check: a reviewer of another region learns that first. */
    public DecisionDocument refuse(Actor actor, String applicationNo, RefusalRequest request) {
        CaseFile c = store.lockExisting(applicationNo);
        CaseAccess.requireDecide(actor, c);
        Set<ConstraintViolation<RefusalRequest>> invalid = validator.validate(request);
        if (!invalid.isEmpty()) {
            throw new ConstraintViolationException(invalid);
        }
        if (c.decision() != Decision.PENDING) {
            throw new ProblemException(IssuanceError.CASE_ALREADY_DECIDED, applicationNo, c.decision());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        long sequence = ((Number) store.getEntityManager().createNativeQuery("select nextval('refusal_decision_seq')")
                .getSingleResult()).longValue();
        String decisionNo = DecisionDocument.number(c.hallRegion(), now.getYear(), sequence);
        events.publish(applicationNo, c.refuse(actor.subject(), decisionNo, request.reasons(), request.legalBasis(), now));
        return DecisionDocument.of(c, issued(c), config.refusal().remedies(), payments.standing(applicationNo));
    }

    /**
     * The refusal decision document, for its addressee and the staff who may read the case. A case refused before
     * documents were printed gets its printed decision (and code) on the first read.
     */
    public DecisionDocument decisionDocument(Actor actor, String applicationNo) {
        CaseFile c = refused(actor, applicationNo);
        return DecisionDocument.of(c, issued(c), config.refusal().remedies(), payments.standing(applicationNo));
    }

    /** The decision as issued, to print: the same readers as {@link #decisionDocument}. */
    public PrintedDocument printedDecision(Actor actor, String applicationNo) {
        return issued(refused(actor, applicationNo));
    }

    /** What a verification code of a refusal decision certifies (public). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify(String code) {
        return documents.verify(DocumentType.REFUSAL_DECISION, code);
    }

    private CaseFile refused(Actor actor, String applicationNo) {
        CaseFile c = CaseAccess.requireRead(actor, store.findByIdOptional(applicationNo), applicationNo,
                IssuanceError.CASE_NOT_FOUND);
        if (c.decision() != Decision.REFUSED) {
            throw new ProblemException(IssuanceError.DECISION_DOCUMENT_NOT_FOUND, applicationNo);
        }
        return c;
    }

    private PrintedDocument issued(CaseFile c) {
        return documents.issue(DecisionDocument.printed(c, authorities.forProvince(c.hallRegion()), config.refusal().remedies(),
                payments.standing(c.applicationNo())));
    }
}

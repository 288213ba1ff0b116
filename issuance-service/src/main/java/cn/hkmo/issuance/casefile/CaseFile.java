package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.issuance.CaseOpened;
import cn.hkmo.contracts.issuance.CollectionDeadlineNear;
import cn.hkmo.contracts.issuance.DeadlineChanged;
import cn.hkmo.contracts.issuance.DecisionApproved;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.contracts.issuance.PermitCollected;
import cn.hkmo.contracts.issuance.PermitDelivered;
import cn.hkmo.contracts.issuance.PermitDispatched;
import cn.hkmo.contracts.issuance.PermitIssued;
import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.deadline.Deadline;
import cn.hkmo.issuance.deadline.DeadlineBasis;
import cn.hkmo.issuance.payment.PaymentStanding;
import cn.hkmo.issuance.permit.CardType;
import cn.hkmo.issuance.permit.GrantedEndorsement;
import cn.hkmo.issuance.permit.IssuedPermit;
import cn.hkmo.issuance.permit.PermitIssuer;
import cn.hkmo.issuance.permit.PermitRequest;
import cn.hkmo.kit.identity.Sealed;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A case (审批案件) from acceptance to the permit in the citizen's hand. The state machine of
 * {@link CaseStatus} lives here as plain methods; each returns the event it causes (a contracts
 * payload) for the caller to publish in the same transaction.
 *
 * <p>Facts from other services (payment) may arrive in any order and more than once: they only set
 * flags, and {@link #issueIfReady} issues exactly once, when approved and paid and not before.
 */
@Entity
@Table(name = "case_file")
public class CaseFile {

    @Id
    private String applicationNo;
    private String bookingNo;
    private String receiptNo;
    /** The citizen's token subject: the owner. */
    private String subject;
    /** Sealed at rest, like the delivery's and the proxy's data below (kit Sealed; PersonalDataAtRest). */
    @Convert(converter = Sealed.class)
    @Column(name = "resident_id_sealed")
    private String residentId;
    private String residentIdHash;
    private String residentIdMasked;
    private String applicantName;
    private LocalDate birthDate;
    private String hallId;
    /** GB/T 2260 code of the hall's region; its province scopes reviewers. */
    private String hallRegion;
    @Enumerated(EnumType.STRING)
    private ApplicationCategory category;
    private String existingPermitNo;
    private boolean hukouLocal;
    private String urgentReason;
    /** 急事急办: ordered first in the review queue. */
    private boolean urgent;
    private LocalDate acceptanceDate;
    private OffsetDateTime acceptedAt;
    private OffsetDateTime openedAt;

    /** Null only for a case opened while the calendar could not cover its year (see DeadlineRecomputation). */
    private LocalDate deadline;
    @Enumerated(EnumType.STRING)
    private DeadlineBasis deadlineBasis;
    private Integer deadlineDays;
    /** Computed through a year without its holiday notice: recomputed when the notice is loaded. */
    private boolean deadlineProvisional;
    private String extensionApprovalNo;
    private String extensionApprovedBy;
    private String extensionReason;
    private String extensionRecordedBy;
    private OffsetDateTime extendedAt;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    @Enumerated(EnumType.STRING)
    private Decision decision;
    private boolean paid;
    /** What the payment ledger adds up to (see {@link PaymentStanding}); the fee null until it is assessed. */
    private Long feeFen;
    private long paidFen;
    private long refundedFen;
    private String reviewer;
    private OffsetDateTime decidedAt;
    private String decisionNo;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "refusal_reason", joinColumns = @JoinColumn(name = "application_no"))
    @OrderColumn(name = "position")
    @Column(name = "reason")
    private List<String> refusalReasons = new ArrayList<>();
    private String refusalLegalBasis;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_endorsement", joinColumns = @JoinColumn(name = "application_no"))
    @OrderColumn(name = "position")
    private List<CaseEndorsement> endorsements = new ArrayList<>();
    private String permitNo;
    private boolean newCard;
    @Enumerated(EnumType.STRING)
    private CardType cardType;
    private LocalDate permitValidFrom;
    private LocalDate permitValidUntil;
    private OffsetDateTime issuedAt;

    @Enumerated(EnumType.STRING)
    private CollectionMethod deliveryMethod;
    @Convert(converter = Sealed.class)
    @Column(name = "recipient_sealed")
    private String recipient;
    @Convert(converter = Sealed.class)
    @Column(name = "mobile_sealed")
    private String mobile;
    @Convert(converter = Sealed.class)
    @Column(name = "address_sealed")
    private String address;
    private String waybillNo;
    /** What EMS reported of the mailing, in the order it was told (posted and delivered included). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "tracking_step", joinColumns = @JoinColumn(name = "application_no"))
    @OrderColumn(name = "position")
    private List<TrackingStep> tracking = new ArrayList<>();
    private OffsetDateTime dispatchedAt;
    private OffsetDateTime deliveredAt;
    private OffsetDateTime readyAt;
    /** When the citizen was reminded of the end of the collection period; at most once. */
    private OffsetDateTime collectionRemindedAt;
    private OffsetDateTime collectedAt;
    private Boolean collectedByProxy;
    private String proxyName;
    @Convert(converter = Sealed.class)
    @Column(name = "proxy_id_sealed")
    private String proxyId;
    private String proxyIdMasked;
    private String collectionOfficer;

    protected CaseFile() {
    }

    /**
     * Opens the case of an accepted application.
     *
     * @param deadline   null if the calendar cannot compute it yet
     * @param payment    payment may have arrived before the acceptance
     * @param residentId the applicant's resident ID, checked, with its lookup hash and masked
     */
    public static CaseFile open(ApplicationAccepted accepted, Deadline deadline, PaymentStanding payment,
                                ResidentIdOnFile residentId, OffsetDateTime now) {
        CaseFile c = new CaseFile();
        c.applicationNo = accepted.applicationNo();
        c.bookingNo = accepted.bookingNo();
        c.receiptNo = accepted.receiptNo();
        c.subject = accepted.applicant().subject();
        c.residentId = residentId.value();
        c.residentIdHash = residentId.lookupHash();
        c.residentIdMasked = residentId.masked();
        c.applicantName = accepted.applicant().name();
        c.birthDate = accepted.applicant().birthDate();
        c.hallId = accepted.hallId();
        c.hallRegion = accepted.hallRegion();
        c.category = accepted.category();
        c.existingPermitNo = accepted.existingPermitNo();
        c.hukouLocal = accepted.hukouLocal();
        c.urgentReason = accepted.urgentReason() == null || accepted.urgentReason().isBlank() ? null : accepted.urgentReason();
        c.urgent = c.urgentReason != null;
        c.acceptanceDate = accepted.acceptanceDate();
        c.acceptedAt = accepted.acceptedAt();
        c.openedAt = now;
        c.setDeadline(deadline);
        c.status = CaseStatus.OPENED;
        c.decision = Decision.PENDING;
        c.paymentStatus(payment);
        c.newCard = accepted.permitRequested();
        accepted.endorsements().forEach(e -> c.endorsements.add(new CaseEndorsement(e)));
        c.applyDelivery(accepted.delivery());
        return c;
    }

    /** The event announcing the case, with its deadline (a later change of it is a DeadlineChanged). */
    public CaseOpened opened() {
        return new CaseOpened(applicationNo, subject, hallId, deadline, deadlineBasis == null ? null : deadlineBasis.name(),
                deadline == null ? null : deadlineProvisional, isUrgent(), openedAt);
    }

    /**
     * The payment ledger changed (assessed, paid, refunded). The verdict follows the ledger until issuance (a
     * refused case shows the payment fee-service has to refund; a partial refund makes the case unpaid and holds the
     * permit back); an issued permit stays paid. The amounts always follow, so a later refund shows.
     */
    public void paymentStatus(PaymentStanding standing) {
        if (issuedAt == null) {
            this.paid = standing.paid();
        }
        this.feeFen = standing.feeFen();
        this.paidFen = standing.paidFen();
        this.refundedFen = standing.refundedFen();
    }

    public DecisionApproved approve(String reviewer, OffsetDateTime now) {
        requireUndecided();
        this.decision = Decision.APPROVED;
        this.reviewer = reviewer;
        this.decidedAt = now;
        return new DecisionApproved(applicationNo, subject, reviewer, now);
    }

    /** Refusal (不予批准) is final; the decision document states the reasons and is shown to the citizen. */
    public DecisionRefused refuse(String reviewer, String decisionNo, List<String> reasons, String legalBasis,
                                  OffsetDateTime now) {
        requireUndecided();
        this.decision = Decision.REFUSED;
        this.status = CaseStatus.REFUSED;
        this.reviewer = reviewer;
        this.decidedAt = now;
        this.decisionNo = decisionNo;
        this.refusalReasons = new ArrayList<>(reasons);
        this.refusalLegalBasis = legalBasis;
        return new DecisionRefused(applicationNo, subject, decisionNo, List.copyOf(reasons), reviewer, now);
    }

    /**
     * Issues the permit if, and only if, the case is approved, paid and not issued yet. Safe to call
     * after every change: it returns empty when there is nothing to do.
     *
     * @param taken whether a permit number is already used
     */
    public Optional<PermitIssued> issueIfReady(PermitIssuer issuer, Predicate<String> taken, OffsetDateTime now) {
        if (status != CaseStatus.OPENED || decision != Decision.APPROVED || !paid) {
            return Optional.empty();
        }
        PermitRequest request = new PermitRequest(newCard, existingPermitNo, birthDate, acceptanceDate,
                endorsements.stream().map(CaseEndorsement::terms).toList());
        IssuedPermit permit = issuer.issue(request, now.toLocalDate(), taken);
        this.permitNo = permit.permitNo();
        this.cardType = permit.cardType();
        this.permitValidFrom = permit.validFrom();
        this.permitValidUntil = permit.validUntil();
        this.issuedAt = now;
        for (int i = 0; i < endorsements.size(); i++) {
            GrantedEndorsement granted = permit.endorsements().get(i);
            endorsements.get(i).issued(granted.validFrom(), granted.validUntil());
        }
        this.status = deliveryMethod == CollectionMethod.EMS ? CaseStatus.ISSUED : CaseStatus.READY_FOR_COLLECTION;
        this.readyAt = status == CaseStatus.READY_FOR_COLLECTION ? now : null;
        return Optional.of(new PermitIssued(applicationNo, subject, permitNo, permitValidFrom, permitValidUntil, newCard,
                endorsements.stream().map(CaseEndorsement::terms).toList(), now.toLocalDate(), now, deliveryMethod, hallId));
    }

    /**
     * Records an approved extension (FAQ Q51: up to 20 working days with the provincial bureau's approval).
     *
     * @param extended computed by StatutoryDeadline.extended
     * @return the event, which also puts the extension on the timeline
     */
    public DeadlineChanged extendDeadline(Deadline extended, String approvalNo, String approvedBy, String reason, String recordedBy,
                                         OffsetDateTime now) {
        if (!status.pending()) {
            throw new ProblemException(IssuanceError.CASE_NOT_PENDING, applicationNo, status);
        }
        if (deadline != null && !extended.date().isAfter(deadline)) {
            throw new ProblemException(IssuanceError.EXTENSION_NOT_LONGER, extended.date(), deadline);
        }
        LocalDate previous = deadline;
        setDeadline(extended);
        this.extensionApprovalNo = approvalNo;
        this.extensionApprovedBy = approvedBy;
        this.extensionReason = reason;
        this.extensionRecordedBy = recordedBy;
        this.extendedAt = now;
        return deadlineChanged(previous, DeadlineChanged.EXTENDED, now);
    }

    private DeadlineChanged deadlineChanged(LocalDate previous, String reason, OffsetDateTime now) {
        return new DeadlineChanged(applicationNo, subject, previous, deadline, deadlineBasis.name(), deadlineDays,
                deadlineProvisional, reason, now);
    }

    /**
     * The deadline again, by the same rule on a newer calendar (a holiday notice was loaded, or the case had none).
     *
     * @return the event, or empty when nothing changed (the same date, still as provisional as before)
     */
    public Optional<DeadlineChanged> recomputeDeadline(Deadline recomputed, OffsetDateTime now) {
        if (recomputed.date().equals(deadline) && recomputed.provisional() == deadlineProvisional
                && recomputed.basis() == deadlineBasis) {
            return Optional.empty();
        }
        LocalDate previous = deadline;
        setDeadline(recomputed);
        return Optional.of(deadlineChanged(previous, DeadlineChanged.NOTICE_LOADED, now));
    }

    /** Whether the deadline waits for a calendar that can give it, or for a notice that can make it final. */
    public boolean deadlineOpenToRecomputation() {
        return status.pending() && (deadline == null || deadlineProvisional);
    }

    /** The citizen changes how the permit reaches them; possible until it is dispatched or collected. */
    public void changeDelivery(Delivery delivery) {
        switch (status) {
            case OPENED -> applyDelivery(delivery);
            case ISSUED, READY_FOR_COLLECTION -> {
                applyDelivery(delivery);
                this.status = deliveryMethod == CollectionMethod.EMS ? CaseStatus.ISSUED : CaseStatus.READY_FOR_COLLECTION;
                this.readyAt = status == CaseStatus.READY_FOR_COLLECTION ? (readyAt != null ? readyAt : issuedAt) : null;
            }
            default -> throw new ProblemException(IssuanceError.DELIVERY_CHANGE_CLOSED, applicationNo, status);
        }
    }

    /**
     * EMS took the permit. A repeated call with the same waybill is a no-op (the courier retries).
     *
     * @return the event, or empty for a repeat
     */
    public Optional<PermitDispatched> dispatch(String waybill, OffsetDateTime at, String place) {
        if (status == CaseStatus.DISPATCHED || status == CaseStatus.DELIVERED) {
            if (waybill.equals(waybillNo)) {
                return Optional.empty();
            }
            throw new ProblemException(IssuanceError.WAYBILL_MISMATCH, applicationNo, waybillNo);
        }
        if (deliveryMethod != CollectionMethod.EMS) {
            throw new ProblemException(IssuanceError.NOT_FOR_MAILING, applicationNo);
        }
        if (status != CaseStatus.ISSUED) {
            throw new ProblemException(IssuanceError.NOT_AWAITING_DISPATCH, applicationNo, status);
        }
        requireAfter(at, issuedAt);
        this.waybillNo = waybill;
        this.dispatchedAt = at;
        this.status = CaseStatus.DISPATCHED;
        tracking.add(new TrackingStep(TrackingStatus.POSTED, at, place));
        return Optional.of(new PermitDispatched(applicationNo, subject, waybill, at, place));
    }

    /**
     * A step EMS reports between posting and delivery (in transit, out for delivery, returned). The same status at the
     * same place again is a no-op: the courier retries, with the time of its retry when it gave none.
     *
     * @return the new step, or empty for a repeat
     */
    public Optional<TrackingStep> track(String waybill, TrackingStatus reported, OffsetDateTime at, String place) {
        if (reported == TrackingStatus.POSTED || reported == TrackingStatus.DELIVERED) {
            throw new IllegalArgumentException("posting and delivery are the dispatch and the delivery: " + reported);
        }
        if (status != CaseStatus.DISPATCHED) {
            throw new ProblemException(IssuanceError.NOT_DISPATCHED, applicationNo, status);
        }
        if (!waybill.equals(waybillNo)) {
            throw new ProblemException(IssuanceError.WAYBILL_MISMATCH, applicationNo, waybillNo);
        }
        if (tracking.stream().anyMatch(step -> step.sameAs(reported, place))) {
            return Optional.empty();
        }
        requireAfter(at, dispatchedAt);
        TrackingStep step = new TrackingStep(reported, at, place);
        tracking.add(step);
        return Optional.of(step);
    }

    /** EMS handed the permit over. A repeat is a no-op. */
    public Optional<PermitDelivered> deliver(String waybill, OffsetDateTime at, String place) {
        if (status != CaseStatus.DISPATCHED && status != CaseStatus.DELIVERED) {
            throw new ProblemException(IssuanceError.NOT_DISPATCHED, applicationNo, status);
        }
        if (!waybill.equals(waybillNo)) {
            throw new ProblemException(IssuanceError.WAYBILL_MISMATCH, applicationNo, waybillNo);
        }
        if (status == CaseStatus.DELIVERED) {
            return Optional.empty();
        }
        requireAfter(at, dispatchedAt);
        this.deliveredAt = at;
        this.status = CaseStatus.DELIVERED;
        tracking.add(new TrackingStep(TrackingStatus.DELIVERED, at, place));
        return Optional.of(new PermitDelivered(applicationNo, subject, waybill, at, place));
    }

    /**
     * An officer of the hall hands the permit over, to the applicant or to an authorised proxy whose ID
     * the officer checked (the caller validates the numbers).
     *
     * @param proxy null when the applicant collects in person
     */
    public PermitCollected collect(Proxy proxy, String officer, OffsetDateTime at) {
        if (status != CaseStatus.READY_FOR_COLLECTION) {
            throw new ProblemException(IssuanceError.NOT_READY_FOR_COLLECTION, applicationNo, status);
        }
        this.status = CaseStatus.COLLECTED;
        this.collectedAt = at;
        this.collectedByProxy = proxy != null;
        this.collectionOfficer = officer;
        if (proxy != null) {
            this.proxyName = proxy.name();
            this.proxyId = proxy.residentId().value();
            this.proxyIdMasked = proxy.residentId().masked();
        }
        return new PermitCollected(applicationNo, subject, hallId, proxy != null, officer, at);
    }

    /**
     * Reminds the citizen, once, that the hall keeps the permit only until the end of its collection period.
     *
     * @return the event, or empty when the permit is not waiting at the hall, was reminded already, or is not due yet
     */
    public Optional<CollectionDeadlineNear> remindOfCollectionDeadline(CollectionPeriod period, OffsetDateTime now) {
        if (status != CaseStatus.READY_FOR_COLLECTION || collectionRemindedAt != null
                || !period.reminderDue(readyAt, now.toInstant())) {
            return Optional.empty();
        }
        this.collectionRemindedAt = now;
        return Optional.of(new CollectionDeadlineNear(applicationNo, subject, hallId, period.collectBy(readyAt), now));
    }

    /** A proxy collecting for the applicant (代领), with their checked ID. */
    public record Proxy(String name, ResidentIdOnFile residentId) {
    }

    public boolean isUrgent() {
        return urgent;
    }

    /** A time the courier reports cannot come before the step it follows: the timeline keeps its order. */
    private void requireAfter(OffsetDateTime reported, OffsetDateTime previousStep) {
        if (previousStep != null && reported.isBefore(previousStep)) {
            throw new ProblemException(IssuanceError.REPORTED_TIME_BEFORE_PREVIOUS_STEP, reported, applicationNo, previousStep);
        }
    }

    private void requireUndecided() {
        if (decision != Decision.PENDING) {
            throw new ProblemException(IssuanceError.CASE_ALREADY_DECIDED, applicationNo, decision);
        }
    }

    private void setDeadline(Deadline d) {
        this.deadline = d == null ? null : d.date();
        this.deadlineBasis = d == null ? null : d.basis();
        this.deadlineDays = d == null ? null : d.days();
        this.deadlineProvisional = d != null && d.provisional();
    }

    private void applyDelivery(Delivery delivery) {
        this.deliveryMethod = delivery.method();
        this.recipient = delivery.recipient();
        this.mobile = delivery.mobile();
        this.address = delivery.address();
    }

    // Read access for views and rules.

    public String applicationNo() { return applicationNo; }
    public String bookingNo() { return bookingNo; }
    public String receiptNo() { return receiptNo; }
    public String subject() { return subject; }
    public String residentIdHash() { return residentIdHash; }
    public String residentIdMasked() { return residentIdMasked; }
    public String applicantName() { return applicantName; }
    public String hallId() { return hallId; }
    public String hallRegion() { return hallRegion; }
    public ApplicationCategory category() { return category; }
    public boolean hukouLocal() { return hukouLocal; }
    public String urgentReason() { return urgentReason; }
    public LocalDate acceptanceDate() { return acceptanceDate; }
    public OffsetDateTime acceptedAt() { return acceptedAt; }
    public LocalDate deadline() { return deadline; }
    public DeadlineBasis deadlineBasis() { return deadlineBasis; }
    public Integer deadlineDays() { return deadlineDays; }
    public boolean deadlineProvisional() { return deadlineProvisional; }
    public String extensionApprovalNo() { return extensionApprovalNo; }
    public String extensionApprovedBy() { return extensionApprovedBy; }
    public String extensionReason() { return extensionReason; }
    public CaseStatus status() { return status; }
    public Decision decision() { return decision; }
    public boolean paid() { return paid; }
    public Long feeFen() { return feeFen; }
    public long paidFen() { return paidFen; }
    public long refundedFen() { return refundedFen; }
    public String reviewer() { return reviewer; }
    public OffsetDateTime decidedAt() { return decidedAt; }
    public String decisionNo() { return decisionNo; }
    public List<String> refusalReasons() { return List.copyOf(refusalReasons); }
    public String refusalLegalBasis() { return refusalLegalBasis; }
    public List<GrantedEndorsement> endorsements() { return endorsements.stream().map(CaseEndorsement::view).toList(); }
    public String permitNo() { return permitNo; }
    public String existingPermitNo() { return existingPermitNo; }
    public boolean newCard() { return newCard; }
    public CardType cardType() { return cardType; }
    public LocalDate permitValidFrom() { return permitValidFrom; }
    public LocalDate permitValidUntil() { return permitValidUntil; }
    public OffsetDateTime issuedAt() { return issuedAt; }
    public CollectionMethod deliveryMethod() { return deliveryMethod; }
    public String recipient() { return recipient; }
    public String mobile() { return mobile; }
    public String address() { return address; }
    public String waybillNo() { return waybillNo; }

    /** The mailing's steps as they happened (EMS may report a scan late), posted first. */
    public List<TrackingStep> tracking() {
        return tracking.stream().sorted(Comparator.comparing((TrackingStep t) -> t.at().toInstant())
                .thenComparing(TrackingStep::status)).toList();
    }
    public OffsetDateTime dispatchedAt() { return dispatchedAt; }
    public OffsetDateTime deliveredAt() { return deliveredAt; }
    public OffsetDateTime readyAt() { return readyAt; }
    public OffsetDateTime collectionRemindedAt() { return collectionRemindedAt; }
    public OffsetDateTime collectedAt() { return collectedAt; }
    public Boolean collectedByProxy() { return collectedByProxy; }
    public String proxyName() { return proxyName; }
    public String proxyIdMasked() { return proxyIdMasked; }
}

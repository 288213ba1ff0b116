package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.issuance.deadline.DeadlineBasis;
import cn.hkmo.issuance.permit.CardType;
import cn.hkmo.issuance.permit.GrantedEndorsement;
import cn.hkmo.kit.identity.MobileNumber;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A case as its citizen and the staff see it; resident IDs masked, the phone number masked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
        String applicationNo,
        String bookingNo,
        String receiptNo,
        CaseStatus status,
        Decision decision,
        boolean paid,
        Payment payment,
        boolean urgent,
        String urgentReason,
        String hallId,
        ApplicationCategory category,
        Applicant applicant,
        LocalDate acceptanceDate,
        Target deadline,
        Permit permit,
        Delivery delivery,
        String refusalDecisionNo) {

    public record Applicant(String name, String residentId) {
    }

    /**
     * The money behind {@code paid}: paid only while {@code paidFen - refundedFen} covers {@code feeFen}.
     *
     * @param feeFen the assessed fee; absent until fee-service's assessment arrives
     */
    public record Payment(Long feeFen, long paidFen, long refundedFen) {
    }

    /**
     * The statutory deadline; {@code date} null only if the calendar could not cover the year.
     *
     * @param provisional the period runs through a year without its holiday notice: the date may move when it is out
     * @param note        why, in the caller's language; only on a provisional deadline
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(LocalDate date, DeadlineBasis basis, Integer days, boolean provisional, String note,
                         Extension extension) {
    }

    public record Extension(String approvalNo, String approvedBy, String reason) {
    }

    public record Permit(String permitNo, boolean newCard, CardType cardType, LocalDate validFrom, LocalDate validUntil,
                         OffsetDateTime issuedAt, List<GrantedEndorsement> endorsements) {
    }

    /** @param tracking the EMS mailing's steps (posted, in transit, out for delivery, returned, delivered); null before dispatch */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(CollectionMethod method, String recipient, String mobile, String address, String waybillNo,
                           OffsetDateTime dispatchedAt, OffsetDateTime deliveredAt, OffsetDateTime readySince,
                           OffsetDateTime collectedAt, Boolean collectedByProxy, String proxyName, String proxyResidentId,
                           List<Tracking> tracking) {
    }

    /** A step of an EMS mailing: when (+08:00) and where, as EMS reported it. */
    public record Tracking(TrackingStatus status, OffsetDateTime at, String place) {
    }

    /** @param deadlineNote the wording on a provisional deadline, or null */
    static CaseView of(CaseFile c, String deadlineNote) {
        Extension extension = c.extensionApprovalNo() == null ? null
                : new Extension(c.extensionApprovalNo(), c.extensionApprovedBy(), c.extensionReason());
        Permit permit = c.issuedAt() == null ? null
                : new Permit(c.permitNo(), c.newCard(), c.cardType(), c.permitValidFrom(), c.permitValidUntil(), c.issuedAt(),
                c.endorsements());
        return new CaseView(c.applicationNo(), c.bookingNo(), c.receiptNo(), c.status(), c.decision(), c.paid(),
                new Payment(c.feeFen(), c.paidFen(), c.refundedFen()), c.isUrgent(),
                c.urgentReason(), c.hallId(), c.category(), new Applicant(c.applicantName(), c.residentIdMasked()),
                c.acceptanceDate(), new Target(c.deadline(), c.deadlineBasis(), c.deadlineDays(), c.deadlineProvisional(),
                deadlineNote, extension), permit,
                new Delivery(c.deliveryMethod(), c.recipient(), MobileNumber.mask(c.mobile()), c.address(),
                        c.waybillNo(), c.dispatchedAt(), c.deliveredAt(), c.readyAt(), c.collectedAt(), c.collectedByProxy(),
                        c.proxyName(), c.proxyIdMasked(), c.tracking().isEmpty() ? null
                        : c.tracking().stream().map(t -> new Tracking(t.status(), t.at(), t.place())).toList()),
                c.decisionNo());
    }
}

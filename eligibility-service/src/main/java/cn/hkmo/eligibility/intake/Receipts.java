package cn.hkmo.eligibility.intake;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.eligibility.EligibilityError;
import cn.hkmo.eligibility.booking.Booking;
import cn.hkmo.kit.document.AppliedFor;
import cn.hkmo.kit.document.Authorities;
import cn.hkmo.kit.document.DocumentRenderer;
import cn.hkmo.kit.document.DocumentType;
import cn.hkmo.kit.document.IssuedDocuments;
import cn.hkmo.kit.document.PrintedDocument;
import cn.hkmo.kit.document.Verification;
import cn.hkmo.kit.identity.Caller;
import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The acceptance receipt (受理回执) printed: issued with the acceptance, in the name of the exit-entry administration
 * of the hall's region, and reprinted as issued for its applicant and the hall's staff.
 */
@ApplicationScoped
@Transactional
public class Receipts {

    private final IssuedDocuments documents;
    private final Authorities authorities;
    private final PersonalDataCipher cipher;

    public Receipts(IssuedDocuments documents, Authorities authorities, PersonalDataCipher cipher) {
        this.documents = documents;
        this.authorities = authorities;
        this.cipher = cipher;
    }

    /** Issues the receipt of an application just accepted, in the acceptance's transaction. */
    public PrintedDocument issue(AcceptedApplication application, Booking booking) {
        return documents.issue(receipt(application, booking));
    }

    /** The citizen's own receipt; another's is 404, as for a number that does not exist. */
    public PrintedDocument forCitizen(String applicationNo, ResidentId citizen) {
        AcceptedApplication application = AcceptedApplication.findById(applicationNo);
        if (application == null || !application.residentIdHash.equals(cipher.lookupHash(citizen.value()))) {
            throw new ProblemException(EligibilityError.APPLICATION_NOT_FOUND, applicationNo);
        }
        return issued(application);
    }

    /** For the officers of the hall that accepted it (another hall's: 403), supervisors and admins. */
    public PrintedDocument forStaff(String applicationNo, Caller caller) {
        AcceptedApplication application = AcceptedApplication.findById(applicationNo);
        if (application == null) {
            throw new ProblemException(EligibilityError.APPLICATION_NOT_FOUND, applicationNo);
        }
        if (!caller.hasRole(Caller.SUPERVISOR) && !caller.hasRole(Caller.ADMIN)) {
            String hall = caller.hallId().orElseThrow(() -> new ProblemException(KitError.FORBIDDEN));
            if (!hall.equals(application.hallId)) {
                throw new ProblemException(EligibilityError.OTHER_HALL, applicationNo, hall);
            }
        }
        return issued(application);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Verification verify(String code) {
        return documents.verify(DocumentType.ACCEPTANCE_RECEIPT, code);
    }

    /** As issued; an application accepted before receipts were printed gets its receipt on the first print. */
    private PrintedDocument issued(AcceptedApplication application) {
        return documents.find(DocumentType.ACCEPTANCE_RECEIPT, application.receiptNo)
                .orElseGet(() -> documents.issue(receipt(application, Booking.findById(application.bookingNo))));
    }

    private PrintedDocument receipt(AcceptedApplication application, Booking booking) {
        String endorsements = application.endorsements.stream().map(AppliedFor::endorsement)
                .collect(Collectors.joining("；"));
        return new PrintedDocument(DocumentType.ACCEPTANCE_RECEIPT, application.receiptNo,
                authorities.forRegion(booking.hallRegion),
                new PrintedDocument.Applicant(booking.name, application.residentIdMasked), application.acceptedAt,
                List.of(new PrintedDocument.Fact("申请编号", "Application No.", application.applicationNo),
                        new PrintedDocument.Fact("预约编号", "Booking No.", application.bookingNo),
                        new PrintedDocument.Fact("申请事项", "Applied for",
                                AppliedFor.category(ApplicationCategory.valueOf(application.category))),
                        new PrintedDocument.Fact("签注", "Endorsements", endorsements.isEmpty() ? "无" : endorsements),
                        new PrintedDocument.Fact("受理大厅", "Hall", application.hallId),
                        new PrintedDocument.Fact("受理时间", "Accepted at", DocumentRenderer.beijingTime(application.acceptedAt))),
                List.of(new PrintedDocument.Paragraph("说明", "Note", List.of(
                        "上述申请已经受理。请凭申请编号查询办理进度；审批期限自受理之日起计算。"))),
                null);
    }
}

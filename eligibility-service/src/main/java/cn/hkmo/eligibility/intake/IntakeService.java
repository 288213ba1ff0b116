package cn.hkmo.eligibility.intake;

import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.applications.ApplicationNotAccepted;
import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.contracts.common.IssuedEndorsement;
import cn.hkmo.contracts.common.Notice;
import cn.hkmo.eligibility.EligibilityError;
import cn.hkmo.eligibility.assessment.ApplicationBody;
import cn.hkmo.eligibility.assessment.ApplicationMapper;
import cn.hkmo.eligibility.assessment.Assessor;
import cn.hkmo.eligibility.booking.Booking;
import cn.hkmo.eligibility.booking.BookingStatus;
import cn.hkmo.eligibility.rules.Assessment;
import cn.hkmo.eligibility.rules.EligibilityRules;
import cn.hkmo.eligibility.rules.Reason;
import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.endorsement.EndorsementDecision;
import cn.hkmo.eligibility.rules.endorsement.EndorsementOption;
import cn.hkmo.eligibility.rules.materials.Deficiency;
import cn.hkmo.eligibility.rules.materials.MaterialsCheck;
import cn.hkmo.eligibility.rules.materials.Presented;
import cn.hkmo.eligibility.rules.office.Office;
import cn.hkmo.eligibility.rules.office.Scope;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.outbox.Outbox;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.hkmo.eligibility.intake.IntakeViews.DecisionBody;
import static cn.hkmo.eligibility.intake.IntakeViews.DecisionView;
import static cn.hkmo.eligibility.intake.IntakeViews.DeficiencyView;
import static cn.hkmo.eligibility.intake.IntakeViews.IntakeView;
import static cn.hkmo.eligibility.intake.IntakeViews.MaterialsBody;
import static cn.hkmo.eligibility.intake.IntakeViews.PresentedItem;

/**
 * The officer's commands at the counter (受理) [FAQ2 Q47]: record the details and the materials presented, then
 * accept (receipt and {@code application.accepted}), list everything to correct at once, or not accept. The reads
 * that answer officers and citizens are {@link IntakeQueries}.
 */
@ApplicationScoped
@Transactional
public class IntakeService {

    private final Assessor assessor;
    private final IntakeNumbers numbers;
    private final Receipts receipts;
    private final Outbox outbox;
    private final Validator validator;
    private final Clock clock;

    public IntakeService(Assessor assessor, IntakeNumbers numbers, Receipts receipts, Outbox outbox, Validator validator,
                         Clock clock) {
        this.assessor = assessor;
        this.numbers = numbers;
        this.receipts = receipts;
        this.outbox = outbox;
        this.validator = validator;
        this.clock = clock;
    }

    /** Records the details and materials and answers with the checklist against them; may be repeated. */
    public IntakeView record(String bookingNo, MaterialsBody body, String officer, String officerHall) {
        Booking booking = openBooking(bookingNo, officerHall, body);
        List<Presented> presented = body.presented().stream().map(PresentedItem::toPresented).toList();
        Counter counter = assess(booking, body.application(), presented);
        IntakeRecord record = IntakeRecord.findById(bookingNo);
        if (record == null) {
            record = new IntakeRecord();
            record.bookingNo = bookingNo;
        }
        record.officer = officer;
        record.details = body.application();
        record.presented = presented;
        record.recordedAt = OffsetDateTime.now(clock);
        record.persist();
        return new IntakeView(bookingNo, counter.assessment, counter.deficiencies.stream().map(IntakeService::view).toList(),
                counter.suggestion());
    }

    public DecisionView decide(String bookingNo, DecisionBody body, String officer, String officerHall) {
        Booking booking = openBooking(bookingNo, officerHall, body);
        IntakeRecord record = IntakeRecord.findById(bookingNo);
        if (record == null) {
            throw new ProblemException(EligibilityError.MATERIALS_NOT_RECORDED, bookingNo);
        }
        Counter counter = assess(booking, record.details, record.presented);
        return switch (body.decision()) {
            case ACCEPTED -> accept(booking, counter, body.options() == null ? Map.of() : body.options(), officer);
            case INCOMPLETE -> correction(booking, counter, officer);
            case NOT_ACCEPTED -> refuse(booking, counter, body.reason(), officer);
        };
    }

    private DecisionView accept(Booking booking, Counter counter, Map<String, String> chosen, String officer) {
        Assessment assessment = counter.assessment;
        if (!counter.deficiencies.isEmpty() || !assessment.allowed() || Boolean.FALSE.equals(assessment.officeAccepts())) {
            throw new ProblemException(EligibilityError.APPLICATION_NOT_ACCEPTABLE, booking.bookingNo, counter.summary());
        }
        List<IssuedEndorsement> endorsements = new ArrayList<>();
        for (EndorsementDecision decision : assessment.endorsements()) {
            endorsements.add(chosenOption(decision, chosen.get(decision.item()), counter.office.region())
                    .toIssued(decision.destination(), decision.type()));
        }
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        String applicationNo = numbers.next(IntakeNumbers.APPLICATION, counter.office.region().code(), today);
        String receiptNo = numbers.next(IntakeNumbers.RECEIPT, counter.office.region().code(), today);
        boolean hukouLocal = Boolean.TRUE.equals(assessment.processing().hukouLocal());

        AcceptedApplication application = new AcceptedApplication();
        application.applicationNo = applicationNo;
        application.receiptNo = receiptNo;
        application.bookingNo = booking.bookingNo;
        application.subject = booking.subject;
        application.residentIdHash = booking.residentIdHash;
        application.residentIdMasked = booking.residentIdMasked;
        application.hallId = booking.hallId;
        application.category = assessment.permit().category().name();
        application.endorsements = endorsements;
        application.hukouLocal = hukouLocal;
        application.officer = officer;
        application.acceptedAt = now;
        application.persist();
        receipts.issue(application, booking);
        close(booking, BookingStatus.ACCEPTED);

        ApplicationBody details = counter.details;
        outbox.publish(applicationNo, new ApplicationAccepted(
                applicationNo, receiptNo, booking.bookingNo, booking.hallId, counter.office.region().code(),
                new Applicant(booking.subject, counter.residentId.value(), booking.name, booking.mobile, booking.birthDate),
                assessment.permit().category(), details.currentPermit() == null ? null : details.currentPermit().number(),
                assessment.permit().validityYears() == null ? 0 : assessment.permit().validityYears(),
                endorsements, hukouLocal, details.urgentReason() == null ? null : details.urgentReason().name(),
                booking.deliveryOrHall(), officer, today, now));
        return new DecisionView(booking.bookingNo, Decision.ACCEPTED, applicationNo, receiptNo, null, null, null, null);
    }

    private DecisionView correction(Booking booking, Counter counter, String officer) {
        if (counter.deficiencies.isEmpty()) {
            throw new ProblemException(EligibilityError.NOTHING_TO_CORRECT, booking.bookingNo);
        }
        List<Notice> items = counter.deficiencies.stream().map(Deficiency::notice).toList();
        OffsetDateTime now = OffsetDateTime.now(clock);
        CorrectionNotice notice = new CorrectionNotice();
        notice.noticeNo = numbers.next(IntakeNumbers.NOTICE, counter.office.region().code(), LocalDate.now(clock));
        notice.bookingNo = booking.bookingNo;
        notice.subject = booking.subject;
        notice.residentIdHash = booking.residentIdHash;
        notice.hallId = booking.hallId;
        notice.items = items;
        notice.officer = officer;
        notice.issuedAt = now;
        notice.persist();
        booking.status = BookingStatus.INCOMPLETE;
        booking.updatedAt = now;
        outbox.publish(booking.bookingNo, new CorrectionRequested(
                notice.noticeNo, booking.bookingNo, booking.subject, booking.hallId, items, officer, now));
        return new DecisionView(booking.bookingNo, Decision.INCOMPLETE, null, null, notice.noticeNo, items, null, null);
    }

    private DecisionView refuse(Booking booking, Counter counter, String officerReason, String officer) {
        String code;
        String reason;
        if (Boolean.FALSE.equals(counter.assessment.officeAccepts())) {
            code = "OUTSIDE_REMIT";
            reason = counter.assessment.whereToApply().refusing(counter.office.region()).stream()
                    .map(scope -> scope.item() + ": " + scope.rule().summary() + " " + scope.rule().source())
                    .collect(Collectors.joining("; "));
        } else if (!counter.assessment.allowed()) {
            code = "NOT_ELIGIBLE";
            reason = counter.assessment.refusals().stream()
                    .map(r -> r.code() + ": " + r.rule().summary() + " " + r.rule().source())
                    .collect(Collectors.joining("; "));
        } else if (officerReason != null && !officerReason.isBlank()) {
            code = "OFFICER_REASON";
            reason = officerReason;
        } else {
            throw new ProblemException(EligibilityError.NO_GROUND_FOR_REFUSAL, booking.bookingNo);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Refusal refusal = new Refusal();
        refusal.bookingNo = booking.bookingNo;
        refusal.hallId = booking.hallId;
        refusal.reasonCode = code;
        refusal.reason = reason;
        refusal.officer = officer;
        refusal.decidedAt = now;
        refusal.persist();
        close(booking, BookingStatus.NOT_ACCEPTED);
        outbox.publish(booking.bookingNo, new ApplicationNotAccepted(
                booking.bookingNo, booking.subject, booking.hallId, code, reason, officer, now));
        return new DecisionView(booking.bookingNo, Decision.NOT_ACCEPTED, null, null, null, null, code, reason);
    }

    /** The option chosen for an endorsement; a single option needs no choice. */
    private static EndorsementOption chosenOption(EndorsementDecision decision, String code, Region office) {
        List<EndorsementOption> available = decision.options().stream()
                .filter(option -> !option.needsNewPermit() && EligibilityRules.optionAvailableAt(option, office))
                .toList();
        if (code == null && available.size() == 1) {
            return available.get(0);
        }
        return available.stream().filter(option -> option.code().equals(code)).findFirst()
                .orElseThrow(() -> new ProblemException(EligibilityError.OPTION_NOT_AVAILABLE, decision.item(), code,
                        available.stream().map(EndorsementOption::code).collect(Collectors.joining(", "))));
    }

    private Counter assess(Booking booking, ApplicationBody details, List<Presented> presented) {
        LocalDate today = LocalDate.now(clock);
        Region hallRegion = hallRegion(booking);
        ResidentId residentId = ResidentId.parse(booking.residentId, today);
        ApplicationMapper.Identity identity = new ApplicationMapper.Identity(residentId.birthDate(), residentId.sex(),
                booking.hukouRegion != null ? booking.hukouRegion : residentId.addressCode());
        ApplicationBody body = details.category() != null ? details : withCategory(details, ApplicationCategory.valueOf(booking.category));
        Office office = new Office(hallRegion, body.atOriginalOffice());
        Assessment assessment = assessor.assess(ApplicationMapper.toRequest(body, identity, today, office));
        List<Deficiency> deficiencies = Assessor.engine(() -> MaterialsCheck.deficiencies(assessment.materials(), presented));
        return new Counter(office, residentId, body, assessment, deficiencies);
    }

    /**
     * Where the booking's hall is, as appointment-service announced it: it decides the office's remit and whether the
     * application is hukou-local. A booking announced without it cannot be decided here (409, never a guess or a 500).
     */
    private static Region hallRegion(Booking booking) {
        if (booking.hallRegion == null || !Region.isValid(booking.hallRegion)) {
            throw new ProblemException(EligibilityError.HALL_REGION_UNKNOWN, booking.bookingNo, booking.hallId);
        }
        return new Region(booking.hallRegion);
    }

    /**
     * The booking, at the officer's hall and open for intake. The body is validated after the hall check: an officer
     * of another hall is told that (403) whatever they send.
     */
    private <T> Booking openBooking(String bookingNo, String officerHall, T body) {
        Booking booking = Booking.findById(bookingNo);
        if (booking == null) {
            throw new ProblemException(EligibilityError.BOOKING_NOT_FOUND, bookingNo);
        }
        if (!booking.hallId.equals(officerHall)) {
            throw new ProblemException(EligibilityError.NOT_YOUR_HALL, bookingNo);
        }
        Set<ConstraintViolation<T>> invalid = validator.validate(body);
        if (!invalid.isEmpty()) {
            throw new ConstraintViolationException(invalid);
        }
        if (booking.status.decided()) {
            throw new ProblemException(EligibilityError.INTAKE_ALREADY_DECIDED, bookingNo, booking.status);
        }
        if (!booking.status.openForIntake()) {
            throw new ProblemException(EligibilityError.BOOKING_NOT_OPEN_FOR_INTAKE, bookingNo, booking.status);
        }
        return booking;
    }

    private void close(Booking booking, BookingStatus status) {
        booking.status = status;
        booking.updatedAt = OffsetDateTime.now(clock);
    }

    private static ApplicationBody withCategory(ApplicationBody b, ApplicationCategory category) {
        return new ApplicationBody(b.residentId(), b.birthDate(), b.hukouRegion(), b.hukouInHengqin(), b.residencePermitRegion(),
                b.residencePermitInHengqin(), b.publicRole(), b.currentPermit(), b.fingerprintProvince(), b.applicationDate(), category,
                b.renewalReasons(), b.endorsements(), b.accompanying(), b.urgentReason(), b.officeRegion(), b.atOriginalOffice(),
                b.submitter(), b.escort(), b.applicantInHkMacao(), b.selfServiceClearance());
    }

    private static DeficiencyView view(Deficiency d) {
        return new DeficiencyView(d.code(), d.item().key(), d.kind().name(), d.item().nameZh(), d.item().nameEn(), d.note(),
                d.item().region().orElse(null));
    }

    /** One counter visit assessed: the rules' answer and what is missing. */
    private record Counter(Office office, ResidentId residentId, ApplicationBody details,
                           Assessment assessment, List<Deficiency> deficiencies) {

        Decision suggestion() {
            if (Boolean.FALSE.equals(assessment.officeAccepts()) || !assessment.allowed()) {
                return Decision.NOT_ACCEPTED;
            }
            return deficiencies.isEmpty() ? Decision.ACCEPTED : Decision.INCOMPLETE;
        }

        String summary() {
            List<String> lines = new ArrayList<>();
            deficiencies.forEach(d -> lines.add(d.code()));
            assessment.refusals().stream().map(Reason::code).forEach(lines::add);
            if (Boolean.FALSE.equals(assessment.officeAccepts())) {
                assessment.whereToApply().refusing(office.region()).stream().map(Scope::item).forEach(item -> lines.add("OUTSIDE_REMIT:" + item));
            }
            return String.join(", ", lines);
        }
    }
}

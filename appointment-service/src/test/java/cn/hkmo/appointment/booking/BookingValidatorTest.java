package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.Violation;
import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.appointment.hall.Halls;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EmergencyContact;
import cn.hkmo.contracts.common.EndorsementRequest;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.FamilyVisitDetails;
import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BookingValidatorTest {

    static final Citizen ZHANG_WEI = new Citizen("sub-zhangwei", "110105199003071239", "张伟", "13800138000");
    private final BookingValidator validator = new BookingValidator();
    private final LocalDate today = LocalDate.of(2026, 9, 14);

    static BookingRequest valid() {
        return new BookingRequest("110105", "BJ-CHAOYANG", LocalDate.of(2026, 9, 15), LocalTime.of(9, 0), null, null,
                new EmergencyContact("张丽", "13912345678"), new Delivery(CollectionMethod.HALL, null, null, null),
                DocumentType.HK_MACAO_PERMIT, ApplicationCategory.FIRST_APPLICATION,
                List.of(new EndorsementRequest(Destination.HK, EndorsementType.G)));
    }

    @Test
    void aCompleteLocalFormPasses() {
        assertThat(validate(valid(), Halls.chaoyang(), ZHANG_WEI)).isEmpty();
    }

    @Test
    void aBadResidentIdChecksumInTheTokenIsRefused() {
        var citizen = new Citizen("sub", "110105199003071238", "张伟", "13800138000");
        assertThat(validate(valid(), Halls.chaoyang(), citizen))
                .containsExactly(new Violation("residentId", cn.hkmo.kit.problem.KitError.INVALID_RESIDENT_ID, List.of("110105********1238",
                        cn.hkmo.kit.identity.ResidentId.Defect.CHECKSUM)));
    }

    @Test
    void aBadMobileAnywhereIsRefusedPerField() {
        var request = new BookingRequest("110105", "BJ-CHAOYANG", LocalDate.of(2026, 9, 15), LocalTime.of(9, 0), null, null,
                new EmergencyContact("张丽", "2391234567"), new Delivery(CollectionMethod.EMS, "张伟", "138001380", "北京市朝阳区xx路1号"),
                DocumentType.HK_MACAO_PERMIT, ApplicationCategory.FIRST_APPLICATION, List.of());
        var citizen = new Citizen("sub", "110105199003071239", "张伟", "12345");

        assertThat(validate(request, Halls.chaoyang(), citizen)).extracting(Violation::field, Violation::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("mobile", AppointmentError.INVALID_MOBILE),
                org.assertj.core.groups.Tuple.tuple("emergencyContact.mobile", AppointmentError.INVALID_MOBILE),
                org.assertj.core.groups.Tuple.tuple("delivery.mobile", AppointmentError.INVALID_MOBILE));
        // what was entered, masked so the typo shows (a digit short, a wrong first digit) and the number does not
        assertThat(validate(request, Halls.chaoyang(), citizen)).extracting(Violation::args).containsExactly(
                List.of("*****"), List.of("239***4567"), List.of("138**1380"));
    }

    @Test
    void aMissingMobileIsRequiredNotInvalid() {
        var request = with(valid(), new Delivery(CollectionMethod.EMS, "张伟", " ", "北京市朝阳区xx路1号"));
        assertThat(fields(validate(request, Halls.chaoyang(), ZHANG_WEI))).containsExactly("delivery.mobile:FIELD_REQUIRED");
    }

    @Test
    void aFamilyVisitNeedsTheRelativeAsTheAssessmentDoes() {
        var bareT = withEndorsements(valid(), List.of(new EndorsementRequest(Destination.HK, EndorsementType.G),
                new EndorsementRequest(Destination.MO, EndorsementType.T)));
        assertThat(fields(validate(bareT, Halls.chaoyang(), ZHANG_WEI))).containsExactly(
                "endorsements[1].familyVisit.relationship:FIELD_REQUIRED", "endorsements[1].familyVisit.relativeStatus:FIELD_REQUIRED");

        var halfT = withEndorsements(valid(), List.of(new EndorsementRequest(Destination.HK, EndorsementType.T,
                new FamilyVisitDetails(Relationship.PARENT, null))));
        assertThat(fields(validate(halfT, Halls.chaoyang(), ZHANG_WEI))).containsExactly(
                "endorsements[0].familyVisit.relativeStatus:FIELD_REQUIRED");

        var fullT = withEndorsements(valid(), List.of(new EndorsementRequest(Destination.HK, EndorsementType.T,
                new FamilyVisitDetails(Relationship.PARENT, RelativeStatus.SETTLED))));
        assertThat(validate(fullT, Halls.chaoyang(), ZHANG_WEI)).isEmpty();
    }

    @Test
    void familyVisitDetailsOnAnotherTypeAreRefusedNotDropped() {
        var tour = withEndorsements(valid(), List.of(new EndorsementRequest(Destination.HK, EndorsementType.G,
                new FamilyVisitDetails(Relationship.PARENT, RelativeStatus.SETTLED))));
        assertThat(fields(validate(tour, Halls.chaoyang(), ZHANG_WEI))).containsExactly("endorsements[0].familyVisit:FAMILY_VISIT_NOT_T");
    }

    @Test
    void theStoredEndorsementsKeepTheFamilyVisitAndReadOlderRows() {
        var endorsements = List.of(new EndorsementRequest(Destination.HK, EndorsementType.G),
                new EndorsementRequest(Destination.MO, EndorsementType.T, new FamilyVisitDetails(Relationship.SPOUSE, RelativeStatus.WORKING)));
        assertThat(BookingViews.joinEndorsements(endorsements)).isEqualTo("HK:G,MO:T:SPOUSE:WORKING");
        assertThat(BookingViews.parseEndorsements("HK:G,MO:T:SPOUSE:WORKING")).isEqualTo(endorsements);
        assertThat(BookingViews.parseEndorsements("HK:T")).containsExactly(new EndorsementRequest(Destination.HK, EndorsementType.T));
    }

    @Test
    void emsNeedsRecipientAndAddress() {
        var request = with(valid(), new Delivery(CollectionMethod.EMS, " ", "13800138000", null));
        assertThat(fields(validate(request, Halls.chaoyang(), ZHANG_WEI))).containsExactly(
                "delivery.recipient:FIELD_REQUIRED", "delivery.address:FIELD_REQUIRED");
    }

    @Test
    void aHallElsewhereNeedsTheNonHukouNotice() {
        var request = new BookingRequest("440106", "BJ-CHAOYANG", LocalDate.of(2026, 9, 15), LocalTime.of(9, 0), null, false,
                valid().emergencyContact(), valid().delivery(), DocumentType.HK_MACAO_PERMIT, ApplicationCategory.RENEWAL, List.of());
        assertThat(fields(validate(request, Halls.chaoyang(), ZHANG_WEI))).containsExactly("nonHukouNoticeAccepted:NON_HUKOU_NOTICE_REQUIRED");

        var accepted = new BookingRequest("440106", "BJ-CHAOYANG", LocalDate.of(2026, 9, 15), LocalTime.of(9, 0), null, true,
                valid().emergencyContact(), valid().delivery(), DocumentType.HK_MACAO_PERMIT, ApplicationCategory.RENEWAL, List.of());
        assertThat(validate(accepted, Halls.chaoyang(), ZHANG_WEI)).isEmpty();
    }

    @Test
    void aHukouRegionMustBeAMainlandCode() {
        var request = new BookingRequest("810000", "BJ-CHAOYANG", LocalDate.of(2026, 9, 15), LocalTime.of(9, 0), null, true,
                valid().emergencyContact(), valid().delivery(), DocumentType.HK_MACAO_PERMIT, ApplicationCategory.RENEWAL, List.of());
        assertThat(fields(validate(request, Halls.chaoyang(), ZHANG_WEI))).containsExactly("hukouRegion:INVALID_REGION");
    }

    @Test
    void theHallMustHandleTheCategoryAndEndorsements() {
        Hall hall = Halls.renewalsOnly();
        var request = new BookingRequest("440304", hall.id(), LocalDate.of(2026, 9, 15), LocalTime.of(9, 0), null, null,
                valid().emergencyContact(), valid().delivery(), DocumentType.HK_MACAO_PERMIT, ApplicationCategory.FIRST_APPLICATION,
                List.of(new EndorsementRequest(Destination.HK, EndorsementType.G), new EndorsementRequest(Destination.MO, EndorsementType.T)));
        assertThat(fields(validate(request, hall, ZHANG_WEI))).containsExactly(
                "category:CATEGORY_NOT_HANDLED", "endorsements[1].type:ENDORSEMENT_NOT_HANDLED");
    }

    @Test
    void onlyTheHongKongMacaoPermitIsBookedHere() {
        var request = new BookingRequest("110105", "BJ-CHAOYANG", LocalDate.of(2026, 9, 15), LocalTime.of(9, 0), null, null,
                valid().emergencyContact(), valid().delivery(), DocumentType.PASSPORT, ApplicationCategory.FIRST_APPLICATION, List.of());
        assertThat(fields(validate(request, Halls.chaoyang(), ZHANG_WEI))).containsExactly("documentType:DOCUMENT_TYPE_NOT_HANDLED");
    }

    @Test
    void missingFieldsAreNamed() {
        var request = new BookingRequest(null, "BJ-CHAOYANG", null, null, null, null, null, null, null, null, null);
        assertThat(fields(validate(request, Halls.chaoyang(), ZHANG_WEI))).containsExactly(
                "date:FIELD_REQUIRED", "windowStart:FIELD_REQUIRED", "hukouRegion:FIELD_REQUIRED", "emergencyContact:FIELD_REQUIRED",
                "delivery.method:FIELD_REQUIRED", "documentType:FIELD_REQUIRED", "category:FIELD_REQUIRED");
    }

    private List<Violation> validate(BookingRequest request, Hall hall, Citizen citizen) {
        return validator.validate(request, hall, citizen, today);
    }

    private static BookingRequest with(BookingRequest r, Delivery delivery) {
        return new BookingRequest(r.hukouRegion(), r.hallId(), r.date(), r.windowStart(), r.holdId(), r.nonHukouNoticeAccepted(),
                r.emergencyContact(), delivery, r.documentType(), r.category(), r.endorsements());
    }

    private static BookingRequest withEndorsements(BookingRequest r, List<EndorsementRequest> endorsements) {
        return new BookingRequest(r.hukouRegion(), r.hallId(), r.date(), r.windowStart(), r.holdId(), r.nonHukouNoticeAccepted(),
                r.emergencyContact(), r.delivery(), r.documentType(), r.category(), endorsements);
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ":" + v.code()).toList();
    }
}

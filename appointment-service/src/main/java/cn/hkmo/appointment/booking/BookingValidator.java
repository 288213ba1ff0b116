package cn.hkmo.appointment.booking;

import cn.hkmo.kit.identity.MobileNumber;
import cn.hkmo.appointment.Violation;
import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.appointment.hall.Region;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.EndorsementRequest;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.FamilyVisitDetails;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.problem.KitError;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static cn.hkmo.appointment.AppointmentError.CATEGORY_NOT_HANDLED;
import static cn.hkmo.appointment.AppointmentError.DOCUMENT_TYPE_NOT_HANDLED;
import static cn.hkmo.appointment.AppointmentError.ENDORSEMENT_NOT_HANDLED;
import static cn.hkmo.appointment.AppointmentError.FAMILY_VISIT_NOT_T;
import static cn.hkmo.appointment.AppointmentError.FIELD_REQUIRED;
import static cn.hkmo.appointment.AppointmentError.INVALID_MOBILE;
import static cn.hkmo.appointment.AppointmentError.INVALID_REGION;
import static cn.hkmo.appointment.AppointmentError.NON_HUKOU_NOTICE_REQUIRED;

/**
 * The field rules of a booking form against the chosen hall. Returns every violation at once, so a
 * form can mark all its wrong fields in one round trip. Slot rules (past, horizon, closures) are
 * {@link cn.hkmo.appointment.slot.SlotPlanner#check}'s.
 */
public final class BookingValidator {

    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    /** GB/T 2260 province prefixes of the mainland (docs/domain.md#r-regions); 71/81/82 are not mainland hukou. */
    private static final Set<String> MAINLAND_PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65");

    public List<Violation> validate(BookingRequest request, Hall hall, Citizen citizen, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        validateCitizen(citizen, today, violations);
        if (request.date() == null) {
            violations.add(Violation.of("date", FIELD_REQUIRED));
        }
        if (request.windowStart() == null) {
            violations.add(Violation.of("windowStart", FIELD_REQUIRED));
        }
        validateHukou(request, hall, violations);
        validateEmergencyContact(request, violations);
        validateDelivery(request, violations);
        if (request.documentType() == null) {
            violations.add(Violation.of("documentType", FIELD_REQUIRED));
        } else if (request.documentType() != DocumentType.HK_MACAO_PERMIT) {
            violations.add(Violation.of("documentType", DOCUMENT_TYPE_NOT_HANDLED, request.documentType()));
        }
        if (request.category() == null) {
            violations.add(Violation.of("category", FIELD_REQUIRED));
        } else if (!hall.handles(request.category())) {
            violations.add(Violation.of("category", CATEGORY_NOT_HANDLED, hall.name(), request.category()));
        }
        for (int i = 0; i < request.endorsements().size(); i++) {
            EndorsementRequest endorsement = request.endorsements().get(i);
            if (endorsement == null || endorsement.destination() == null || endorsement.type() == null) {
                violations.add(Violation.of("endorsements[" + i + "]", FIELD_REQUIRED));
            } else if (!hall.handles(endorsement.type())) {
                violations.add(Violation.of("endorsements[" + i + "].type", ENDORSEMENT_NOT_HANDLED, hall.name(), endorsement.type()));
            } else {
                validateFamilyVisit(endorsement, "endorsements[" + i + "]", violations);
            }
        }
        return violations;
    }

    /** Whether booking at {@code hall} is a non-hukou (异地) application for a hukou in {@code hukouRegion}. */
    public static boolean isNonHukou(String hukouRegion, Hall hall) {
        return !Region.sameHukouArea(hukouRegion, hall.region().districtCode());
    }

    public static boolean isRegionCode(String code) {
        return code != null && REGION_CODE.matcher(code).matches() && MAINLAND_PROVINCES.contains(code.substring(0, 2));
    }

    private static void validateCitizen(Citizen citizen, LocalDate today, List<Violation> violations) {
        ResidentId.defectOf(citizen.residentId(), today).ifPresent(defect ->
                violations.add(Violation.of("residentId", KitError.INVALID_RESIDENT_ID, ResidentId.mask(citizen.residentId()), defect)));
        mobile("mobile", citizen.mobile(), violations);
    }

    private static void validateHukou(BookingRequest request, Hall hall, List<Violation> violations) {
        if (request.hukouRegion() == null || request.hukouRegion().isBlank()) {
            violations.add(Violation.of("hukouRegion", FIELD_REQUIRED));
        } else if (!isRegionCode(request.hukouRegion())) {
            violations.add(Violation.of("hukouRegion", INVALID_REGION, request.hukouRegion()));
        } else if (isNonHukou(request.hukouRegion(), hall) && !request.noticeAccepted()) {
            violations.add(Violation.of("nonHukouNoticeAccepted", NON_HUKOU_NOTICE_REQUIRED, hall.name()));
        }
    }

    private static void validateEmergencyContact(BookingRequest request, List<Violation> violations) {
        if (request.emergencyContact() == null) {
            violations.add(Violation.of("emergencyContact", FIELD_REQUIRED));
            return;
        }
        if (isBlank(request.emergencyContact().name())) {
            violations.add(Violation.of("emergencyContact.name", FIELD_REQUIRED));
        }
        mobile("emergencyContact.mobile", request.emergencyContact().mobile(), violations);
    }

    /**
     * A family visit (T) names the relative as the eligibility assessment requires (relationship and their status in
     * HK/Macao), so a booking never promises what the counter cannot assess; other types take no such details.
     */
    private static void validateFamilyVisit(EndorsementRequest endorsement, String path, List<Violation> violations) {
        FamilyVisitDetails visit = endorsement.familyVisit();
        if (endorsement.type() != EndorsementType.T) {
            if (visit != null) {
                violations.add(Violation.of(path + ".familyVisit", FAMILY_VISIT_NOT_T, endorsement.type()));
            }
            return;
        }
        if (visit == null || visit.relationship() == null) {
            violations.add(Violation.of(path + ".familyVisit.relationship", FIELD_REQUIRED));
        }
        if (visit == null || visit.relativeStatus() == null) {
            violations.add(Violation.of(path + ".familyVisit.relativeStatus", FIELD_REQUIRED));
        }
    }

    private static void validateDelivery(BookingRequest request, List<Violation> violations) {
        if (request.delivery() == null || request.delivery().method() == null) {
            violations.add(Violation.of("delivery.method", FIELD_REQUIRED));
            return;
        }
        if (request.delivery().method() != CollectionMethod.EMS) {
            return;
        }
        if (isBlank(request.delivery().recipient())) {
            violations.add(Violation.of("delivery.recipient", FIELD_REQUIRED));
        }
        mobile("delivery.mobile", request.delivery().mobile(), violations);
        if (isBlank(request.delivery().address())) {
            violations.add(Violation.of("delivery.address", FIELD_REQUIRED));
        }
    }

    /** A missing number is required; a wrong one is echoed masked so the citizen can spot the typo (conventions.md). */
    private static void mobile(String field, String value, List<Violation> violations) {
        if (isBlank(value)) {
            violations.add(Violation.of(field, FIELD_REQUIRED));
        } else if (MobileNumber.normalise(value).isEmpty()) {
            violations.add(Violation.of(field, INVALID_MOBILE, MobileNumber.maskEntered(value)));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

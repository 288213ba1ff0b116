package cn.hkmo.eligibility.assessment;

import cn.hkmo.eligibility.rules.Applicant;
import cn.hkmo.eligibility.rules.AssessmentRequest;
import cn.hkmo.eligibility.rules.InvalidRequestException;
import cn.hkmo.eligibility.rules.Locality;
import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.Violation;
import cn.hkmo.eligibility.rules.familyvisit.Accompanying;
import cn.hkmo.eligibility.rules.office.Office;
import cn.hkmo.eligibility.rules.permit.CurrentPermit;
import cn.hkmo.kit.identity.ResidentId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Turns a request body into the rules engine's request; region codes and IDs are checked on the way. */
public final class ApplicationMapper {

    /** Who the application is for, as far as the caller or the booking knows. */
    public record Identity(LocalDate birthDate, ResidentId.Sex sex, String defaultHukou) {

        public static Identity of(ResidentId id) {
            return new Identity(id.birthDate(), id.sex(), id.addressCode());
        }
    }

    private ApplicationMapper() {
    }

    /**
     * @param office the office applied at, null for a general answer
     * @throws InvalidRequestException for malformed region codes
     * @throws ResidentId.InvalidResidentIdException for a malformed accompanying resident ID
     */
    public static AssessmentRequest toRequest(ApplicationBody body, Identity identity, LocalDate date, Office office) {
        List<Violation> violations = new ArrayList<>();
        String hukouCode = body.hukouRegion() != null ? body.hukouRegion() : identity.defaultHukou();
        Locality hukou = locality("hukouRegion", hukouCode, body.hukouInHengqin(), violations);
        Locality residencePermit = body.residencePermitRegion() == null ? null
                : locality("residencePermitRegion", body.residencePermitRegion(), body.residencePermitInHengqin(), violations);
        if (hukouCode == null) {
            violations.add(new Violation("hukouRegion", "MISSING", "hukou region is required"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        CurrentPermit permit = body.currentPermit() == null ? null
                : new CurrentPermit(body.currentPermit().number(), body.currentPermit().form(), body.currentPermit().expiry());
        Applicant applicant = new Applicant(identity.birthDate(), identity.sex(), hukou, residencePermit, body.publicRole(),
                permit, body.fingerprintProvince());
        List<Accompanying> accompanying = new ArrayList<>();
        if (body.accompanying() != null) {
            for (ApplicationBody.Accompanying person : body.accompanying()) {
                LocalDate birth = person.residentId() != null
                        ? ResidentId.parse(person.residentId(), date).birthDate() : person.birthDate();
                accompanying.add(new Accompanying(person.relation(), birth, person.holdsValidPermit()));
            }
        }
        return new AssessmentRequest(applicant, date, body.category(), body.renewalReasons(), body.endorsements(), accompanying,
                body.urgentReason(), office, body.submitter(), body.escort(), body.applicantInHkMacao(), body.selfServiceClearance());
    }

    private static Locality locality(String field, String code, boolean hengqin, List<Violation> violations) {
        if (code == null) {
            return null;
        }
        if (!Region.isValid(code)) {
            violations.add(new Violation(field, "INVALID_REGION", "must be a six-digit mainland GB/T 2260 code"));
            return null;
        }
        return new Locality(new Region(code), hengqin);
    }
}

package cn.hkmo.eligibility.assessment;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.eligibility.rules.PublicRole;
import cn.hkmo.eligibility.rules.delegation.Escort;
import cn.hkmo.eligibility.rules.delegation.Submitter;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.familyvisit.AccompanyingRelation;
import cn.hkmo.eligibility.rules.permit.PermitForm;
import cn.hkmo.eligibility.rules.permit.RenewalReason;
import cn.hkmo.eligibility.rules.processing.UrgentReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * An application as a citizen describes it (assessment) or an officer records it at the counter (intake).
 * Identity, office and date come from the token, the booking or the hall where they are known.
 */
@Schema(description = "Applicant profile and request. A logged-in citizen's identity comes from the token; "
        + "anonymous callers give residentId or birthDate.")
public record ApplicationBody(
        @Schema(description = "Anonymous assessment only: 18-character resident ID (birth date and sex are read from it)")
        String residentId,
        @Schema(description = "Anonymous assessment only, instead of residentId")
        LocalDate birthDate,
        @Schema(description = "GB/T 2260 code of the hukou; defaults to the resident ID's address code", example = "110105")
        String hukouRegion,
        boolean hukouInHengqin,
        @Schema(description = "GB/T 2260 code of a residence permit (居住证), if any", example = "440106")
        String residencePermitRegion,
        boolean residencePermitInHengqin,
        PublicRole publicRole,
        Permit currentPermit,
        @Schema(description = "Province code where fingerprints are on file (e-passport), if any", example = "110000")
        String fingerprintProvince,
        @Schema(description = "Assessment only: the day the rules in force are taken from; default today")
        LocalDate applicationDate,
        ApplicationCategory category,
        Set<RenewalReason> renewalReasons,
        List<EndorsementApplication> endorsements,
        List<Accompanying> accompanying,
        UrgentReason urgentReason,
        @Schema(description = "Assessment only: GB/T 2260 code of the office considered", example = "310115")
        String officeRegion,
        @Schema(description = "The office issued the current permit or the last endorsement (delegation, FAQ2 Q43)")
        Boolean atOriginalOffice,
        Submitter submitter,
        Escort escort,
        boolean applicantInHkMacao,
        boolean selfServiceClearance) {

    /** The permit held now. */
    public record Permit(String number, PermitForm form, LocalDate expiry) {
    }

    /** A spouse or child under 18 applying with the main family-visit applicant. */
    public record Accompanying(AccompanyingRelation relation, String residentId, LocalDate birthDate, boolean holdsValidPermit) {
    }
}

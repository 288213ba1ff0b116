package cn.hkmo.eligibility.assessment;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.Applicant;
import cn.hkmo.eligibility.rules.AssessmentRequest;
import cn.hkmo.eligibility.rules.Locality;
import cn.hkmo.eligibility.rules.PublicRole;
import cn.hkmo.eligibility.rules.delegation.Escort;
import cn.hkmo.eligibility.rules.endorsement.Business;
import cn.hkmo.eligibility.rules.endorsement.BusinessRole;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.endorsement.OtherPurpose;
import cn.hkmo.eligibility.rules.endorsement.OtherReason;
import cn.hkmo.eligibility.rules.endorsement.Stay;
import cn.hkmo.eligibility.rules.endorsement.StayPurpose;
import cn.hkmo.eligibility.rules.endorsement.Talent;
import cn.hkmo.eligibility.rules.endorsement.TalentCategory;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisit;
import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;
import cn.hkmo.eligibility.rules.permit.CurrentPermit;
import cn.hkmo.eligibility.rules.permit.PermitForm;
import cn.hkmo.eligibility.rules.permit.RenewalReason;

import java.time.LocalDate;

/** A generic applicant for the public materials list: a Beijing resident of the given age, typical details per type. */
final class TypicalApplication {

    private static final String GBA_CITY = "440304";

    private TypicalApplication() {
    }

    static AssessmentRequest of(ApplicationCategory category, Destination destination, EndorsementType type,
                                Relationship relationship, RelativeStatus status, int age, LocalDate today) {
        boolean endorsementOnly = category == ApplicationCategory.ENDORSEMENT_ONLY;
        CurrentPermit permit = endorsementOnly ? new CurrentPermit("C00000000", PermitForm.CARD, today.plusYears(5)) : null;
        Applicant applicant = new Applicant(today.minusYears(age), null, Locality.of("110105"), null, PublicRole.NONE, permit, null);
        AssessmentRequest.Builder request = AssessmentRequest.builder(applicant, today, category);
        if (category == ApplicationCategory.RENEWAL || category == ApplicationCategory.REISSUE) {
            request.renewalReason(category == ApplicationCategory.REISSUE ? RenewalReason.LOST_OR_STOLEN : RenewalReason.DAMAGED);
        }
        if (age < 16) {
            request.escort(Escort.GUARDIAN);
        }
        EndorsementType asked = type == null && endorsementOnly ? EndorsementType.L : type;
        if (asked != null) {
            request.endorsement(switch (asked) {
                case T -> EndorsementApplication.familyVisit(destination, FamilyVisit.of(relationship, status));
                case S -> EndorsementApplication.business(destination, new Business(BusinessRole.ENTERPRISE_STAFF, false, null));
                case L -> EndorsementApplication.groupTour(destination);
                case G -> EndorsementApplication.individualTour(destination);
                case D -> EndorsementApplication.stay(destination, new Stay(StayPurpose.STUDY, today.plusYears(1), false, false));
                case Q -> EndorsementApplication.other(destination, new OtherPurpose(OtherReason.OTHER_SPECIAL, false));
                case TALENT -> EndorsementApplication.talent(destination, new Talent(TalentCategory.RESEARCH, GBA_CITY, false));
            });
        }
        return request.build();
    }
}

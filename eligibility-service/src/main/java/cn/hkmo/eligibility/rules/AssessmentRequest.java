package cn.hkmo.eligibility.rules;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.eligibility.rules.delegation.Escort;
import cn.hkmo.eligibility.rules.delegation.Submitter;
import cn.hkmo.eligibility.rules.endorsement.EndorsementApplication;
import cn.hkmo.eligibility.rules.familyvisit.Accompanying;
import cn.hkmo.eligibility.rules.office.Office;
import cn.hkmo.eligibility.rules.permit.RenewalReason;
import cn.hkmo.eligibility.rules.processing.UrgentReason;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What is asked: for this applicant, on this date, this permit category and these endorsements.
 *
 * @param category           what is applied for; ENDORSEMENT_ONLY for endorsements on the permit held
 * @param renewalReasons     grounds for RENEWAL or REISSUE [FAQ2 Q48]
 * @param accompanying       spouse and children under 18 applying with a family-visit applicant
 * @param office             the office applied at; null for a general answer
 * @param submitter          who hands it in (the applicant unless delegated)
 * @param escort             who accompanies an applicant under 16
 * @param applicantInHkMacao the applicant is in HK or Macao (no delegation [FAQ2 Q46])
 * @param selfServiceClearance registration-free self-service clearance asked for (declaration needed)
 */
public record AssessmentRequest(
        Applicant applicant,
        LocalDate applicationDate,
        ApplicationCategory category,
        Set<RenewalReason> renewalReasons,
        List<EndorsementApplication> endorsements,
        List<Accompanying> accompanying,
        UrgentReason urgentReason,
        Office office,
        Submitter submitter,
        Escort escort,
        boolean applicantInHkMacao,
        boolean selfServiceClearance) {

    public AssessmentRequest {
        renewalReasons = renewalReasons == null ? Set.of() : Set.copyOf(renewalReasons);
        endorsements = endorsements == null ? List.of() : List.copyOf(endorsements);
        accompanying = accompanying == null ? List.of() : List.copyOf(accompanying);
        submitter = submitter == null ? Submitter.APPLICANT : submitter;
    }

    public static Builder builder(Applicant applicant, LocalDate applicationDate, ApplicationCategory category) {
        return new Builder(applicant, applicationDate, category);
    }

    public static final class Builder {
        private final Applicant applicant;
        private final LocalDate applicationDate;
        private final ApplicationCategory category;
        private final Set<RenewalReason> renewalReasons = EnumSet.noneOf(RenewalReason.class);
        private final List<EndorsementApplication> endorsements = new ArrayList<>();
        private final List<Accompanying> accompanying = new ArrayList<>();
        private UrgentReason urgentReason;
        private Office office;
        private Submitter submitter;
        private Escort escort;
        private boolean applicantInHkMacao;
        private boolean selfServiceClearance;

        private Builder(Applicant applicant, LocalDate applicationDate, ApplicationCategory category) {
            this.applicant = applicant;
            this.applicationDate = applicationDate;
            this.category = category;
        }

        public Builder endorsement(EndorsementApplication endorsement) {
            endorsements.add(endorsement);
            return this;
        }

        public Builder renewalReason(RenewalReason reason) {
            renewalReasons.add(reason);
            return this;
        }

        public Builder accompanying(Accompanying person) {
            accompanying.add(person);
            return this;
        }

        public Builder urgent(UrgentReason reason) {
            this.urgentReason = reason;
            return this;
        }

        public Builder office(Office office) {
            this.office = office;
            return this;
        }

        public Builder submitter(Submitter submitter) {
            this.submitter = submitter;
            return this;
        }

        public Builder escort(Escort escort) {
            this.escort = escort;
            return this;
        }

        public Builder inHkMacao() {
            this.applicantInHkMacao = true;
            return this;
        }

        public Builder selfServiceClearance() {
            this.selfServiceClearance = true;
            return this;
        }

        public AssessmentRequest build() {
            return new AssessmentRequest(applicant, applicationDate, category, renewalReasons, endorsements, accompanying,
                    urgentReason, office, submitter, escort, applicantInHkMacao, selfServiceClearance);
        }
    }
}

package cn.hkmo.eligibility.rules;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.eligibility.rules.endorsement.EndorsementDecision;
import cn.hkmo.eligibility.rules.materials.MaterialItem;
import cn.hkmo.eligibility.rules.materials.MaterialsChecklist;
import cn.hkmo.eligibility.rules.permit.CurrentPermit;
import cn.hkmo.eligibility.rules.permit.PermitForm;
import cn.hkmo.kit.identity.ResidentId;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Object mother for the rules tests: configuration as Quarkus would build it, applicants from real ID numbers. */
public final class Fixtures {

    /** A day on which every rule of docs/domain.md (#r-timeline, up to 2025-11) is in force. */
    public static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private Fixtures() {
    }

    /** The configuration with the defaults of the @WithDefault annotations, plus overrides. */
    public static EligibilityRulesConfig config(String... keyValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.put(keyValues[i], keyValues[i + 1]);
        }
        return new SmallRyeConfigBuilder()
                .withMapping(EligibilityRulesConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(EligibilityRulesConfig.class);
    }

    public static EligibilityRules rules(String... keyValues) {
        return new EligibilityRules(config(keyValues));
    }

    /** A valid 18-character resident ID for a region, birth date and sequence (odd = male). */
    public static String residentId(String region, LocalDate birth, int sequence) {
        String body = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }

    public static ResidentId id(String region, LocalDate birth) {
        return ResidentId.parse(residentId(region, birth, 123), TODAY);
    }

    /** An adult (born 1990) with hukou in {@code region}, no permit held. */
    public static Applicant adult(String region) {
        return bornOn(region, LocalDate.of(1990, 3, 7));
    }

    public static Applicant bornOn(String region, LocalDate birth) {
        return Applicant.of(id(region, birth), null, null, PublicRole.NONE, null, null);
    }

    /** Someone aged exactly {@code years} on {@code date} (the birthday is that day) or one day short of it. */
    public static Applicant aged(String region, int years, LocalDate date, boolean birthdayReached) {
        LocalDate birth = date.minusYears(years);
        return bornOn(region, birthdayReached ? birth : birth.plusDays(1));
    }

    public static Applicant withPermit(Applicant applicant, LocalDate expiry) {
        return new Applicant(applicant.birthDate(), applicant.sex(), applicant.hukou(), applicant.residencePermit(),
                applicant.publicRole(), new CurrentPermit("CA3273201", PermitForm.CARD, expiry), applicant.fingerprintProvince());
    }

    public static Applicant withRole(Applicant applicant, PublicRole role) {
        return new Applicant(applicant.birthDate(), applicant.sex(), applicant.hukou(), applicant.residencePermit(),
                role, applicant.currentPermit(), applicant.fingerprintProvince());
    }

    public static Applicant withResidencePermit(Applicant applicant, Locality residencePermit) {
        return new Applicant(applicant.birthDate(), applicant.sex(), applicant.hukou(), residencePermit,
                applicant.publicRole(), applicant.currentPermit(), applicant.fingerprintProvince());
    }

    public static Applicant withHukou(Applicant applicant, Locality hukou) {
        return new Applicant(applicant.birthDate(), applicant.sex(), hukou, applicant.residencePermit(),
                applicant.publicRole(), applicant.currentPermit(), applicant.fingerprintProvince());
    }

    public static Applicant withFingerprints(Applicant applicant, String province) {
        return new Applicant(applicant.birthDate(), applicant.sex(), applicant.hukou(), applicant.residencePermit(),
                applicant.publicRole(), applicant.currentPermit(), province);
    }

    /** Options as compact strings: {@code P3M/MULTIPLE 90d FROM_FIRST_ENTRY}. */
    public static List<String> terms(EndorsementDecision decision) {
        return decision.options().stream()
                .map(option -> option.code() + " " + option.maxStayDays() + "d " + option.stayRule())
                .toList();
    }

    public static List<String> keys(MaterialsChecklist checklist) {
        return checklist.items().stream().map(MaterialItem::key).toList();
    }

    public static List<String> codes(Assessment assessment) {
        return assessment.refusals().stream().map(Reason::code).toList();
    }

    /** Endorsements on a permit valid for years to come. */
    public static AssessmentRequest.Builder reEndorse(Applicant applicant, LocalDate date) {
        return AssessmentRequest.builder(withPermit(applicant, date.plusYears(5)), date, ApplicationCategory.ENDORSEMENT_ONLY);
    }

    public static AssessmentRequest.Builder firstApplication(Applicant applicant, LocalDate date) {
        return AssessmentRequest.builder(applicant, date, ApplicationCategory.FIRST_APPLICATION);
    }
}

package cn.hkmo.eligibility.rules;

import cn.hkmo.eligibility.rules.permit.CurrentPermit;
import cn.hkmo.kit.identity.ResidentId;

import java.time.LocalDate;
import java.time.Period;

/**
 * The person the rules are about.
 *
 * @param birthDate           from the resident ID (or declared, for an anonymous checklist)
 * @param sex                 from the resident ID; null when only a birth date is known
 * @param hukou               place of permanent residence (常住户口所在地)
 * @param residencePermit     city of a residence permit (居住证), null if none
 * @param publicRole          active military or registered state employee
 * @param currentPermit       the permit held now, null if none
 * @param fingerprintProvince province code where fingerprints are on file (e-passport or earlier permit), null if none
 */
public record Applicant(
        LocalDate birthDate,
        ResidentId.Sex sex,
        Locality hukou,
        Locality residencePermit,
        PublicRole publicRole,
        CurrentPermit currentPermit,
        String fingerprintProvince) {

    public Applicant {
        publicRole = publicRole == null ? PublicRole.NONE : publicRole;
    }

    /** Birth date and sex come from the verified ID; the hukou defaults to the ID's address code. */
    public static Applicant of(ResidentId id, Locality hukou, Locality residencePermit, PublicRole publicRole,
                               CurrentPermit currentPermit, String fingerprintProvince) {
        Locality home = hukou != null ? hukou : Locality.of(id.addressCode());
        return new Applicant(id.birthDate(), id.sex(), home, residencePermit, publicRole, currentPermit, fingerprintProvince);
    }

    /** Age in whole years on {@code date}; a birthday counts on the day itself. */
    public int ageOn(LocalDate date) {
        return Period.between(birthDate, date).getYears();
    }
}

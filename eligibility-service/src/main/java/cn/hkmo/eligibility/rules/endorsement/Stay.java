package cn.hkmo.eligibility.rules.endorsement;

import java.time.LocalDate;

/**
 * The stay part of a D request.
 *
 * @param approvedUntil    last day of the HK/Macao approval (entry permit, admission period, work approval)
 * @param viaLabourCompany work arranged through a labour-service company (劳务经营公司)
 * @param extension        a further D after the previous one expired (延期/续期)
 */
public record Stay(StayPurpose purpose, LocalDate approvedUntil, boolean viaLabourCompany, boolean extension) {
}

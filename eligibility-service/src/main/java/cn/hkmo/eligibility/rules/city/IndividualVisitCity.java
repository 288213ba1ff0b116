package cn.hkmo.eligibility.rules.city;

import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.RuleRef;

import java.time.LocalDate;

/**
 * One individual-visit city (个人游城市) and the day it joined the scheme.
 *
 * @param code               GB/T 2260 code of the city (a municipality: its province code)
 * @param urbanDistrictsOnly only the city districts count (Fuzhou: 市直辖区)
 */
public record IndividualVisitCity(String code, String nameZh, String nameEn, LocalDate effectiveFrom,
                                  boolean urbanDistrictsOnly, RuleRef rule) {

    public boolean covers(Region region) {
        return region.city().equals(code) && (!urbanDistrictsOnly || region.isCityDistrict());
    }

    public boolean inForceOn(LocalDate date) {
        return !effectiveFrom.isAfter(date);
    }
}

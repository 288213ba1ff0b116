package cn.hkmo.kit.document;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Which exit-entry administration issues a document for a region ({@code hkmo.documents.authorities}): the entry of
 * the district, else of its city, else of its province, else the fallback. A receipt is issued for the hall's
 * region, a decision for the deciding province.
 */
@ApplicationScoped
public class Authorities {

    private final Map<String, DocumentsConfig.Names> byRegion;
    private final DocumentsConfig.Names fallback;

    public Authorities(DocumentsConfig config) {
        this.byRegion = Map.copyOf(config.authorities());
        this.fallback = config.fallback();
    }

    /** The authority of a GB/T 2260 region: district, city, province, then the fallback. */
    public Authority forRegion(String regionCode) {
        if (regionCode != null && regionCode.length() == 6) {
            for (String code : new String[]{regionCode, regionCode.substring(0, 4) + "00", province(regionCode)}) {
                DocumentsConfig.Names names = byRegion.get(code);
                if (names != null) {
                    return of(names);
                }
            }
        }
        return of(fallback);
    }

    /** The authority of the region's province (reviews and decisions are provincial). */
    public Authority forProvince(String regionCode) {
        return forRegion(regionCode == null || regionCode.length() != 6 ? regionCode : province(regionCode));
    }

    private static String province(String regionCode) {
        return regionCode.substring(0, 2) + "0000";
    }

    private static Authority of(DocumentsConfig.Names names) {
        return new Authority(names.zh(), names.en().orElse(null));
    }
}

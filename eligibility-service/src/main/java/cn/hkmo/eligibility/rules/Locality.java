package cn.hkmo.eligibility.rules;

/**
 * Where a person's hukou or residence permit is: a region, and whether it lies in the Hengqin
 * Guangdong–Macao In-Depth Cooperation Zone, which has no code of its own (it lies in Zhuhai's
 * Xiangzhou district) but its own tourism scheme (docs/domain.md#r-city-schemes).
 */
public record Locality(Region region, boolean hengqin) {

    public static Locality of(String regionCode) {
        return new Locality(new Region(regionCode), false);
    }

    public static Locality hengqin(String regionCode) {
        return new Locality(new Region(regionCode), true);
    }

    /** Hengqin lies in Zhuhai; a Hengqin flag elsewhere is an impossible combination. */
    public boolean consistent() {
        return !hengqin || region.city().equals("440400");
    }
}

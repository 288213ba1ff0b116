package cn.hkmo.eligibility.rules.office;

import cn.hkmo.eligibility.rules.Region;

/**
 * The exit-entry office (hall) applied at.
 *
 * @param region                        where it is; null when the caller names no office but says whether it
 *                                      issued the permit (the delegation answer needs only that)
 * @param issuedPermitOrLastEndorsement this office issued the current permit or the last endorsement
 *                                      (delegation is possible only there [FAQ2 Q43]); null if unknown
 */
public record Office(Region region, Boolean issuedPermitOrLastEndorsement) {

    public static Office at(String regionCode) {
        return new Office(new Region(regionCode), null);
    }
}

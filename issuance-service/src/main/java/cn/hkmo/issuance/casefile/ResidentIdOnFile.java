package cn.hkmo.issuance.casefile;

/**
 * A checked resident ID as the case keeps it: the number (sealed at rest by its column), its keyed lookup hash (to
 * compare an ID shown at the counter without opening the stored one) and the masked form for display.
 */
public record ResidentIdOnFile(String value, String lookupHash, String masked) {
}

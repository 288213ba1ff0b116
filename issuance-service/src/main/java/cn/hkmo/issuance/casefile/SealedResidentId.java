package cn.hkmo.issuance.casefile;

/** A resident ID as stored: encrypted, its keyed lookup hash, and the masked form for display. */
public record SealedResidentId(String sealed, String lookupHash, String masked) {
}

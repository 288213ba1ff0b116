package cn.hkmo.appointment.slot;

/**
 * Whose a hold, waitlist entry or booking is: the token subject (for access), and the keyed hash of the
 * resident ID (for per-person limits that hold across accounts and partner platforms).
 */
public record Owner(String subject, String personHash) {
}

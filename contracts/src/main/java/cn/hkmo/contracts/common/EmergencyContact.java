package cn.hkmo.contracts.common;

/**
 * Emergency contact given at booking.
 */
public record EmergencyContact(
        String name,
        String mobile) {}

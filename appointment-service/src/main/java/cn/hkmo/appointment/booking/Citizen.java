package cn.hkmo.appointment.booking;

/**
 * The verified citizen a booking is for, exactly as the token states it: never taken from a request body.
 *
 * @param subject    the OIDC subject
 * @param residentId the 18-character resident ID number (claim {@code resident_id})
 */
public record Citizen(String subject, String residentId, String name, String mobile) {

    @Override
    public String toString() {
        return "Citizen[" + subject + ", " + cn.hkmo.kit.identity.ResidentId.mask(residentId) + "]";
    }
}

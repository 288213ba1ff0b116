package cn.hkmo.appointment.booking;

import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.EmergencyContact;

/** The personal part of a booking, stored encrypted as one JSON value. */
public record PersonalData(String residentId, String name, String mobile, EmergencyContact emergencyContact, Delivery delivery) {

    @Override
    public String toString() {
        return "PersonalData[" + cn.hkmo.kit.identity.ResidentId.mask(residentId) + "]";
    }
}

package cn.hkmo.contracts.appointments;

import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.EmergencyContact;
import cn.hkmo.contracts.common.EndorsementRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A citizen booked a window at a hall (预约成功). Key = booking number. Producer: appointment-service.
 */
public record BookingBooked(
        String bookingNo,
        Applicant applicant,
        String hallId,
        LocalDate date,
        LocalTime windowStart,
        LocalTime windowEnd,
        String hukouRegion,
        boolean nonHukou,
        ApplicationCategory category,
        List<EndorsementRequest> endorsements,
        Delivery delivery,
        EmergencyContact emergencyContact,
        String bookedByClient,
        OffsetDateTime bookedAt) {
    public static final String TYPE = "appointment.booked.v1";
}

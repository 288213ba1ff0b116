package cn.hkmo.contracts.appointments;

import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.EmergencyContact;
import cn.hkmo.contracts.common.EndorsementRequest;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A citizen booked a window at a hall (预约成功). Key = booking number. Producer: appointment-service.
 *
 * @param hallRegion the hall's district, GB/T 2260 six-digit code (e.g. {@code 110105}); it decides the office's
 *                   remit and whether the application is hukou-local. Null in events written before the field
 *                   existed: consumers treat it as unknown.
 */
public record BookingBooked(
        String bookingNo,
        Applicant applicant,
        String hallId,
        @JsonPropertyDescription("GB/T 2260 district code (6 digits) of the hall; absent in events from before it existed")
        String hallRegion,
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

    /** The shape before {@code hallRegion}: the hall's region unknown. New producers fill the region. */
    @Deprecated
    public BookingBooked(String bookingNo, Applicant applicant, String hallId, LocalDate date, LocalTime windowStart,
                         LocalTime windowEnd, String hukouRegion, boolean nonHukou, ApplicationCategory category,
                         List<EndorsementRequest> endorsements, Delivery delivery, EmergencyContact emergencyContact,
                         String bookedByClient, OffsetDateTime bookedAt) {
        this(bookingNo, applicant, hallId, null, date, windowStart, windowEnd, hukouRegion, nonHukou, category, endorsements,
                delivery, emergencyContact, bookedByClient, bookedAt);
    }
}

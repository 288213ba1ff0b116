package cn.hkmo.appointment.booking;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.EndorsementRequest;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A booking as its citizen sees it, with what they entered: the resident ID and every mobile masked, names and the
 * mailing address as entered (conventions.md, Personal data); {@code checkInCode} is the QR payload, present while
 * the booking can still be checked in. {@code changeable}: it may still be cancelled or rescheduled, which ends at
 * {@code changeDeadline} (a window booked after its own deadline is false from the start).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingView(
        String bookingNo,
        String status,
        String cancelReason,
        HallRef hall,
        LocalDate date,
        LocalTime windowStart,
        LocalTime windowEnd,
        ApplicantRef applicant,
        ContactRef emergencyContact,
        String hukouRegion,
        boolean nonHukou,
        DocumentType documentType,
        ApplicationCategory category,
        List<EndorsementRequest> endorsements,
        CollectionMethod collectionMethod,
        DeliveryRef delivery,
        String checkInCode,
        OffsetDateTime changeDeadline,
        boolean changeable,
        String bookedByClient,
        OffsetDateTime createdAt,
        Outcome outcome) {

    /**
     * What the counter decided on this booking (status SERVED): ACCEPTED with the application and receipt numbers,
     * CORRECTION_REQUESTED with the one-time notice number, NOT_ACCEPTED with the reason code.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String kind, String applicationNo, String receiptNo, String noticeNo, String reasonCode,
                          OffsetDateTime at) {
    }

    public record HallRef(String id, String name, String address, String phone) {
    }

    public record ApplicantRef(String name, String residentId, String mobile) {
    }

    /** The emergency contact as entered, the mobile masked. */
    public record ContactRef(String name, String mobile) {
    }

    /** How the permit comes back: for EMS the recipient and address as entered, the mobile masked. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryRef(CollectionMethod method, String recipient, String mobile, String address) {
    }
}

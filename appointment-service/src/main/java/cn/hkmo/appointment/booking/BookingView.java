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
 * A booking as its citizen sees it. The resident ID and mobile are masked; {@code checkInCode} is the QR
 * payload, present while the booking can still be checked in.
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
        String hukouRegion,
        boolean nonHukou,
        DocumentType documentType,
        ApplicationCategory category,
        List<EndorsementRequest> endorsements,
        CollectionMethod collectionMethod,
        String checkInCode,
        OffsetDateTime changeDeadline,
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
}

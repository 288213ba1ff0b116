package cn.hkmo.appointment.booking;

import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.EmergencyContact;
import cn.hkmo.contracts.common.EndorsementRequest;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * The booking form (steps 10–13 of the Alipay booking guide [SEEDA], docs/domain.md#r-booking): everything except the applicant, who comes from the token.
 *
 * @param hukouRegion            GB/T 2260 code of the hukou location (户口所在地)
 * @param holdId                 the place held while the form was filled; without it a place is taken now
 * @param nonHukouNoticeAccepted the citizen read and accepted the non-hukou notice (异地办理须知)
 */
public record BookingRequest(
        String hukouRegion,
        String hallId,
        LocalDate date,
        LocalTime windowStart,
        UUID holdId,
        Boolean nonHukouNoticeAccepted,
        EmergencyContact emergencyContact,
        Delivery delivery,
        DocumentType documentType,
        ApplicationCategory category,
        List<EndorsementRequest> endorsements) {

    public BookingRequest {
        endorsements = endorsements == null ? List.of() : List.copyOf(endorsements);
    }

    public boolean noticeAccepted() {
        return Boolean.TRUE.equals(nonHukouNoticeAccepted);
    }
}

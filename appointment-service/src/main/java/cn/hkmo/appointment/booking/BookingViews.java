package cn.hkmo.appointment.booking;

import cn.hkmo.kit.identity.MobileNumber;
import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.appointment.slot.Slot;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EmergencyContact;
import cn.hkmo.contracts.common.EndorsementRequest;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.FamilyVisitDetails;
import cn.hkmo.contracts.common.Relationship;
import cn.hkmo.contracts.common.RelativeStatus;
import cn.hkmo.kit.config.ClockProducer;
import cn.hkmo.kit.identity.ResidentId;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Turns booking rows into what citizens see. */
@ApplicationScoped
public class BookingViews {

    private final CheckInCode checkInCodes;
    private final BookingDeadlines deadlines;
    private final Clock clock;

    public BookingViews(CheckInCode checkInCodes, BookingDeadlines deadlines, Clock clock) {
        this.checkInCodes = checkInCodes;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public BookingDeadlines deadlines() {
        return deadlines;
    }

    /** The QR payload is shown only while the booking can be checked in (a reviewed draft has no number yet). */
    public BookingView of(Booking booking, Hall hall, PersonalData personal) {
        boolean codeShown = booking.status == Booking.Status.BOOKED && !booking.bookingNo.isEmpty();
        boolean open = booking.status == Booking.Status.BOOKED || booking.status == Booking.Status.DRAFT;
        return new BookingView(booking.bookingNo.isEmpty() ? null : booking.bookingNo, booking.status.name(),
                booking.cancelReason == null ? null : booking.cancelReason.name(),
                new BookingView.HallRef(hall.id(), hall.name(), hall.address(), hall.phone()),
                booking.date, booking.windowStart, booking.windowEnd,
                new BookingView.ApplicantRef(personal.name(), ResidentId.mask(personal.residentId()), MobileNumber.mask(personal.mobile())),
                contact(personal.emergencyContact()),
                booking.hukouRegion, booking.nonHukou, booking.documentType, booking.category,
                parseEndorsements(booking.endorsements), booking.deliveryMethod, delivery(booking.deliveryMethod, personal.delivery()),
                codeShown ? checkInCodes.issue(booking.bookingNo, booking.hallId, booking.date) : null,
                changeDeadline(booking.slot(), hall),
                open && deadlines.canChange(booking.slot(), hall.cutOff(), clock.instant()), booking.bookedByClient,
                booking.createdAt.atZoneSameInstant(ClockProducer.BUSINESS_ZONE).toOffsetDateTime(), outcome(booking));
    }

    private static BookingView.ContactRef contact(EmergencyContact contact) {
        return contact == null ? null : new BookingView.ContactRef(contact.name(), MobileNumber.mask(contact.mobile()));
    }

    /** The method is the row's; the EMS details come from the sealed personal data. */
    private static BookingView.DeliveryRef delivery(CollectionMethod method, Delivery delivery) {
        if (method != CollectionMethod.EMS || delivery == null) {
            return new BookingView.DeliveryRef(method, null, null, null);
        }
        return new BookingView.DeliveryRef(method, delivery.recipient(), MobileNumber.mask(delivery.mobile()), delivery.address());
    }

    private static BookingView.Outcome outcome(Booking booking) {
        return booking.outcome == null ? null : new BookingView.Outcome(booking.outcome.name(), booking.applicationNo,
                booking.receiptNo, booking.noticeNo, booking.outcomeReason,
                booking.outcomeAt.atZoneSameInstant(ClockProducer.BUSINESS_ZONE).toOffsetDateTime());
    }

    public OffsetDateTime changeDeadline(Slot slot, Hall hall) {
        return deadlines.changeDeadline(slot, hall.cutOff()).atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime();
    }

    /** {@code HK:G,MO:T:PARENT:SETTLED}: a family visit with its relationship and the relative's status. */
    static String joinEndorsements(List<EndorsementRequest> endorsements) {
        return endorsements.stream().map(e -> e.destination() + ":" + e.type() + (e.familyVisit() == null ? ""
                        : ":" + e.familyVisit().relationship() + ":" + e.familyVisit().relativeStatus()))
                .collect(Collectors.joining(","));
    }

    /** Rows written before the family-visit details have two parts per endorsement. */
    static List<EndorsementRequest> parseEndorsements(String joined) {
        return Arrays.stream(joined.split(",")).filter(s -> !s.isBlank()).map(s -> s.split(":"))
                .map(p -> new EndorsementRequest(Destination.valueOf(p[0]), EndorsementType.valueOf(p[1]), p.length < 4 ? null
                        : new FamilyVisitDetails(Relationship.valueOf(p[2]), RelativeStatus.valueOf(p[3])))).toList();
    }
}

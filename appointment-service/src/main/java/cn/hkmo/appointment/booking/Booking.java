package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.appointment.hall.TimeWindow;
import cn.hkmo.appointment.slot.Slot;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.appointments.BookingNoShow;
import cn.hkmo.contracts.appointments.BookingRescheduled;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/**
 * A citizen's appointment. Its transitions return the event they cause; the service that ran one publishes it in the
 * same transaction. Whether a transition is allowed (owner, cut-off, check-in window) the services check first.
 */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    /**
     * DRAFT: the review step's answer, what submit would book; never stored. SERVED: the counter decided on it
     * (accepted, correction notice or not accepted), see {@link #outcome}.
     */
    public enum Status { DRAFT, BOOKED, CANCELLED, CHECKED_IN, NO_SHOW, SERVED }

    /** What the counter (eligibility-service) decided, from the {@code applications} topic. */
    public enum Outcome {
        /** 受理: an application number and a receipt. */
        ACCEPTED,
        /** 一次性告知: a notice of what to bring; the counter takes the corrected materials on this booking. */
        CORRECTION_REQUESTED,
        /** 不予受理, with a reason code. */
        NOT_ACCEPTED;

        /** Accepted and not accepted end the booking's intake; a later correction notice cannot replace them. */
        public boolean isFinal() {
            return this != CORRECTION_REQUESTED;
        }
    }

    /** Why a booking was cancelled; HALL_CLOSED gives the citizen priority to rebook. */
    public enum CancelReason { CITIZEN, HALL_CLOSED }

    @Id
    @Column(name = "booking_no")
    public String bookingNo;
    @Column(name = "citizen_subject")
    public String citizenSubject;
    @Column(name = "citizen_hash")
    public String citizenHash;
    /** Resident ID, name, mobile, contacts and address: one JSON value, sealed at rest. */
    @Column(name = "personal_data")
    @Convert(converter = SealedPersonalData.class)
    public PersonalData personalData;
    @Column(name = "hall_id")
    public String hallId;
    @Column(name = "slot_date")
    public LocalDate date;
    @Column(name = "window_start")
    public LocalTime windowStart;
    @Column(name = "window_end")
    public LocalTime windowEnd;
    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    public DocumentType documentType;
    @Enumerated(EnumType.STRING)
    public ApplicationCategory category;
    public String endorsements;
    @Column(name = "hukou_region")
    public String hukouRegion;
    @Column(name = "non_hukou")
    public boolean nonHukou;
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_method")
    public CollectionMethod deliveryMethod;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    public CancelReason cancelReason;
    @Column(name = "booked_by_client")
    public String bookedByClient;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;
    @Column(name = "checked_in_by")
    public String checkedInBy;
    @Column(name = "reminder_sent_at")
    public OffsetDateTime reminderSentAt;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "application_no")
    public String applicationNo;
    @Column(name = "receipt_no")
    public String receiptNo;
    @Column(name = "notice_no")
    public String noticeNo;
    @Column(name = "outcome_reason")
    public String outcomeReason;
    @Column(name = "outcome_at")
    public OffsetDateTime outcomeAt;

    public Slot slot() {
        return new Slot(hallId, date, new TimeWindow(windowStart, windowEnd));
    }

    public void moveTo(Slot slot) {
        hallId = slot.hallId();
        date = slot.date();
        windowStart = slot.window().start();
        windowEnd = slot.window().end();
    }

    /** Cancelled by the citizen or by the hall's closure of the day; the place is the caller's to give back. */
    public BookingCancelled cancel(CancelReason reason, OffsetDateTime now) {
        status = Status.CANCELLED;
        cancelReason = reason;
        updatedAt = now;
        return new BookingCancelled(bookingNo, citizenSubject, hallId, date, reason.name(), now);
    }

    /**
     * Moved to {@code to} at {@code hall} (the same or another): the hukou check follows the new hall, and the reminder
     * is due again for the new window.
     */
    public BookingRescheduled reschedule(Slot to, Hall hall, OffsetDateTime now) {
        Slot from = slot();
        moveTo(to);
        nonHukou = BookingValidator.isNonHukou(hukouRegion, hall);
        reminderSentAt = null;
        updatedAt = now;
        return new BookingRescheduled(bookingNo, citizenSubject, to.hallId(), hall.region().districtCode(), to.date(),
                to.window().start(), to.window().end(), from.hallId(), from.date(), from.window().start(), now);
    }

    public BookingCheckedIn checkIn(String officer, OffsetDateTime now) {
        status = Status.CHECKED_IN;
        checkedInAt = now;
        checkedInBy = officer;
        updatedAt = now;
        return new BookingCheckedIn(bookingNo, citizenSubject, hallId, officer, now);
    }

    /** Check-in closed without the citizen (爽约). */
    public BookingNoShow noShow(OffsetDateTime now) {
        status = Status.NO_SHOW;
        updatedAt = now;
        return new BookingNoShow(bookingNo, citizenSubject, hallId, date, now);
    }
}

package cn.hkmo.appointment.booking;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.ApplicationAccepted;
import cn.hkmo.contracts.applications.ApplicationNotAccepted;
import cn.hkmo.contracts.applications.CorrectionRequested;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Records on a booking what the counter decided. The three events have different record keys (application number for
 * an acceptance, booking number otherwise), so they may arrive in any order: an acceptance or a refusal is final and
 * a correction notice never replaces it; a newer notice replaces an older one.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class BookingOutcomes {

    private static final Logger LOG = Logger.getLogger(BookingOutcomes.class);

    private final EntityManager entityManager;
    private final Clock clock;

    public BookingOutcomes(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    public void accepted(ApplicationAccepted event) {
        Booking booking = booking(event.bookingNo(), ApplicationAccepted.TYPE);
        if (booking != null && apply(booking, Booking.Outcome.ACCEPTED, event.acceptedAt())) {
            booking.applicationNo = event.applicationNo();
            booking.receiptNo = event.receiptNo();
        }
    }

    public void correctionRequested(CorrectionRequested event) {
        Booking booking = booking(event.bookingNo(), CorrectionRequested.TYPE);
        if (booking != null && apply(booking, Booking.Outcome.CORRECTION_REQUESTED, event.issuedAt())) {
            booking.noticeNo = event.noticeNo();
        }
    }

    public void notAccepted(ApplicationNotAccepted event) {
        Booking booking = booking(event.bookingNo(), ApplicationNotAccepted.TYPE);
        if (booking != null && apply(booking, Booking.Outcome.NOT_ACCEPTED, event.decidedAt())) {
            booking.outcomeReason = event.reasonCode();
        }
    }

    private Booking booking(String bookingNo, String type) {
        if (bookingNo == null) {
            throw new EventEnvelope.MalformedEventException(type + " without a booking number");
        }
        Booking booking = entityManager.find(Booking.class, bookingNo, LockModeType.PESSIMISTIC_WRITE);
        if (booking == null) {
            LOG.warnf("%s for unknown booking %s ignored", type, bookingNo);
        }
        return booking;
    }

    /** Whether {@code outcome} (decided {@code at}) is the booking's outcome now; if so the booking is SERVED. */
    private boolean apply(Booking booking, Booking.Outcome outcome, OffsetDateTime at) {
        Booking.Outcome current = booking.outcome;
        if (current != null && (current.isFinal()
                || !outcome.isFinal() && at != null && booking.outcomeAt != null && at.isBefore(booking.outcomeAt))) {
            LOG.debugf("booking %s keeps outcome %s over %s", booking.bookingNo, current, outcome);
            return false;
        }
        if (booking.status == Booking.Status.CANCELLED) {
            LOG.warnf("booking %s was cancelled but the counter decided %s: outcome recorded, status kept", booking.bookingNo, outcome);
        } else {
            if (booking.status != Booking.Status.CHECKED_IN && booking.status != Booking.Status.SERVED) {
                LOG.warnf("booking %s served while %s", booking.bookingNo, booking.status);
            }
            booking.status = Booking.Status.SERVED;
        }
        booking.outcome = outcome;
        booking.outcomeAt = at != null ? at : OffsetDateTime.now(clock);
        booking.updatedAt = OffsetDateTime.now(clock);
        return true;
    }
}

package cn.hkmo.eligibility.intake;

import cn.hkmo.eligibility.EligibilityError;
import cn.hkmo.eligibility.booking.Booking;
import cn.hkmo.eligibility.booking.BookingStatus;
import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;

import static cn.hkmo.eligibility.intake.IntakeViews.ApplicationView;
import static cn.hkmo.eligibility.intake.IntakeViews.BookingView;
import static cn.hkmo.eligibility.intake.IntakeViews.NoticeView;

/**
 * What the counter's records answer: the bookings waiting at an officer's hall, and a citizen's own notices and
 * accepted applications (found by the resident ID's keyed hash). The officer's commands are {@link IntakeService}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IntakeQueries {

    private final PersonalDataCipher cipher;

    public IntakeQueries(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** Checked-in bookings (and those back after a notice) waiting at the hall. */
    public Page<BookingView> waiting(String hallId, PageRequest paging) {
        return Page.of(paging, Booking.ofHall(hallId, List.of(BookingStatus.CHECKED_IN, BookingStatus.INCOMPLETE)),
                booking -> new BookingView(booking.bookingNo, booking.residentIdMasked, booking.name, booking.hallId,
                        booking.bookingDate, booking.category, booking.endorsements, booking.status));
    }

    public Page<NoticeView> notices(ResidentId citizen, PageRequest paging) {
        return Page.of(paging, CorrectionNotice.<CorrectionNotice>find("residentIdHash = ?1 order by issuedAt desc",
                cipher.lookupHash(citizen.value())), IntakeQueries::view);
    }

    /** A citizen's own notice; another's is "not found", so its existence does not leak. */
    public NoticeView notice(String noticeNo, ResidentId citizen) {
        CorrectionNotice notice = CorrectionNotice.findById(noticeNo);
        if (notice == null || !notice.residentIdHash.equals(cipher.lookupHash(citizen.value()))) {
            throw new ProblemException(EligibilityError.NOTICE_NOT_FOUND, noticeNo);
        }
        return view(notice);
    }

    public Page<ApplicationView> applications(ResidentId citizen, PageRequest paging) {
        return Page.of(paging, AcceptedApplication.<AcceptedApplication>find("residentIdHash = ?1 order by acceptedAt desc",
                cipher.lookupHash(citizen.value())), IntakeQueries::view);
    }

    private static NoticeView view(CorrectionNotice notice) {
        return new NoticeView(notice.noticeNo, notice.bookingNo, notice.hallId, notice.items, notice.issuedAt);
    }

    private static ApplicationView view(AcceptedApplication a) {
        return new ApplicationView(a.applicationNo, a.receiptNo, a.bookingNo, a.hallId, a.residentIdMasked, a.category,
                a.endorsements, a.acceptedAt);
    }
}

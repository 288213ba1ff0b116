package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.timeline.TimelineFact;
import cn.hkmo.issuance.timeline.TimelineRecorder;
import cn.hkmo.kit.problem.RequestLanguage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** The citizen's timeline of one application, or of a booking not yet accepted. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TimelineService {

    private final CaseFiles store;
    private final TimelineRecorder recorder;
    private final RequestLanguage language;

    public TimelineService(CaseFiles store, TimelineRecorder recorder, RequestLanguage language) {
        this.store = store;
        this.recorder = recorder;
        this.language = language;
    }

    /** @param number an application number, or a booking number (before acceptance, or to find its application) */
    public Timeline of(Actor actor, String number) {
        Optional<CaseFile> c = store.findByIdOptional(number).or(() -> store.byBookingNo(number));
        if (c.isPresent()) {
            CaseFile k = CaseAccess.requireRead(actor, c, number, IssuanceError.TIMELINE_NOT_FOUND);
            return new Timeline(k.applicationNo(), k.bookingNo(), k.status(), k.paid(), k.deadline(), k.deadlineBasis(),
                    k.deadlineProvisional(), k.deadlineProvisional() ? language.text("deadline.provisional.note") : null,
                    k.isUrgent(), Timeline.order(recorder.of(k.applicationNo(), k.bookingNo())));
        }
        List<TimelineFact> facts = recorder.ofBooking(number);
        CaseAccess.requireReadBooking(actor, facts.stream().map(TimelineFact::subject).toList(), number);
        return new Timeline(null, number, null, null, null, null, false, null, false, Timeline.order(facts));
    }
}

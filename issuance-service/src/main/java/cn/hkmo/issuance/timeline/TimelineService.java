package cn.hkmo.issuance.timeline;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.casefile.Actor;
import cn.hkmo.issuance.casefile.CaseAccess;
import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.casefile.CaseStore;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** The citizen's timeline of one application, or of a booking not yet accepted. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TimelineService {

    private final CaseStore store;
    private final TimelineRecorder recorder;

    public TimelineService(CaseStore store, TimelineRecorder recorder) {
        this.store = store;
        this.recorder = recorder;
    }

    /** @param number an application number, or a booking number (before acceptance, or to find its application) */
    public Timeline of(Actor actor, String number) {
        Optional<CaseFile> c = store.findByIdOptional(number).or(() -> store.byBookingNo(number));
        if (c.isPresent()) {
            if (!CaseAccess.canRead(actor, c.get().subject(), c.get().hallId(), c.get().hallRegion())) {
                // the answer names only the number asked for (a booking number must not reveal its application)
                throw new ProblemException(IssuanceError.TIMELINE_NOT_FOUND, number);
            }
            CaseFile k = c.get();
            return new Timeline(k.applicationNo(), k.bookingNo(), k.status(), k.deadline(), k.deadlineBasis(), k.isUrgent(),
                    Timeline.order(recorder.of(k.applicationNo(), k.bookingNo())));
        }
        // Before acceptance only the booking's steps exist; they name their citizen, so only that citizen
        // (or supervisors) may read them.
        List<TimelineFact> facts = recorder.ofBooking(number);
        boolean own = facts.stream().anyMatch(f -> actor.subject() != null && actor.subject().equals(f.subject()));
        if (facts.isEmpty() || !(own && actor.has(Actor.CITIZEN)) && !actor.oversees()) {
            throw new ProblemException(IssuanceError.TIMELINE_NOT_FOUND, number);
        }
        return new Timeline(null, number, null, null, null, false, Timeline.order(facts));
    }
}

package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.deadline.StatutoryDeadline;
import cn.hkmo.kit.calendar.CalendarChanged;
import cn.hkmo.kit.calendar.CalendarSource;
import cn.hkmo.kit.calendar.CalendarYearUnknownException;
import cn.hkmo.kit.calendar.WorkingDayCalendar;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Provisional deadlines (and any a calendar could not give) are computed again whenever the calendar gains a
 * notice: in the admin's transaction that loads it, and on every replica when its calendar changes (file, event,
 * another replica's load) or at start. Each case is locked and compared, so a case is changed once, whichever
 * replica or path comes first; the others find it final and leave it.
 */
@ApplicationScoped
public class DeadlineRecomputation {

    private static final Logger LOG = Logger.getLogger(DeadlineRecomputation.class);

    private final CaseFiles store;
    private final StatutoryDeadline statutory;
    private final CaseEvents events;
    private final CalendarSource calendar;
    private final Clock clock;

    public DeadlineRecomputation(CaseFiles store, StatutoryDeadline statutory, CaseEvents events, CalendarSource calendar,
                                 Clock clock) {
        this.store = store;
        this.statutory = statutory;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** What one pass did: cases looked at, deadlines changed, and of those, dates that moved. */
    public record Outcome(int examined, int changed, int moved) {
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().call(() -> recompute(calendar.current()));
    }

    void onCalendarChanged(@Observes CalendarChanged change) {
        QuarkusTransaction.requiringNew().call(() -> recompute(change.current()));
    }

    /** Recomputes every open provisional deadline on {@code on}, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome recompute(WorkingDayCalendar on) {
        StatutoryDeadline rules = statutory.on(on);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int examined = 0;
        int changed = 0;
        int moved = 0;
        for (CaseFile candidate : store.withOpenDeadline()) {
            CaseFile c = store.lockExisting(candidate.applicationNo());
            if (!c.deadlineOpenToRecomputation()) {
                continue; // another replica or path got there first
            }
            examined++;
            try {
                var before = c.deadline();
                var event = c.recomputeDeadline(rules.recomputed(c.acceptanceDate(), c.hukouLocal(), c.deadlineBasis(),
                        c.deadlineDays()), now);
                if (event.isPresent()) {
                    changed++;
                    if (!c.deadline().equals(before)) {
                        moved++;
                    }
                    events.publish(c.applicationNo(), event.get());
                    LOG.infof("case %s: deadline %s -> %s (%s)", c.applicationNo(), before, c.deadline(),
                            c.deadlineProvisional() ? "still provisional" : "final");
                }
            } catch (CalendarYearUnknownException stillUnknown) {
                LOG.warnf("case %s still has no deadline: %s", c.applicationNo(), stillUnknown.getMessage());
            }
        }
        return new Outcome(examined, changed, moved);
    }
}

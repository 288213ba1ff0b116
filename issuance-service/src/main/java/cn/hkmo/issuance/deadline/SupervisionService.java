package cn.hkmo.issuance.deadline;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.casefile.Actor;
import cn.hkmo.issuance.casefile.CaseEvents;
import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.casefile.CaseStore;
import cn.hkmo.kit.calendar.CalendarYearUnknownException;
import cn.hkmo.kit.calendar.StatutoryHolidays;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.function.Supplier;

/** Supervisors' watch on the statutory deadlines: overdue and near-deadline cases, recorded extensions. */
@ApplicationScoped
@Transactional
public class SupervisionService {

    private final CaseStore store;
    private final StatutoryDeadline statutory;
    private final CaseEvents events;
    private final Clock clock;

    public SupervisionService(CaseStore store, StatutoryDeadline statutory, CaseEvents events, Clock clock) {
        this.store = store;
        this.statutory = statutory;
        this.events = events;
        this.clock = clock;
    }

    /** Pending cases past their deadline (and those whose deadline the calendar could not give). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeadlineItem> overdue(PageRequest paging) {
        return Page.of(paging, store.overdue(LocalDate.now(clock)), DeadlineItem::of);
    }

    /** Pending cases due from today up to {@code workingDays} working days ahead. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeadlineItem> nearDeadline(int workingDays, PageRequest paging) {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = onCalendar(() -> statutory.horizon(today, workingDays));
        return Page.of(paging, store.dueBetween(today, horizon), DeadlineItem::of);
    }

    public DeadlineItem extend(Actor supervisor, String applicationNo, ExtensionRequest request) {
        CaseFile c = store.lockExisting(applicationNo);
        Deadline extended = onCalendar(() -> statutory.extended(c.acceptanceDate(), c.hukouLocal(), request.workingDays()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        events.publish(applicationNo,
                c.extendDeadline(extended, request.approvalNo(), request.approvedBy(), request.reason(), supervisor.subject(), now));
        return DeadlineItem.of(c);
    }

    static <T> T onCalendar(Supplier<T> computation) {
        try {
            return computation.get();
        } catch (CalendarYearUnknownException e) {
            throw new ProblemException(IssuanceError.CALENDAR_YEAR_UNKNOWN, e.date().getYear(), StatutoryHolidays.FIRST_YEAR,
                    StatutoryHolidays.LAST_YEAR);
        }
    }
}

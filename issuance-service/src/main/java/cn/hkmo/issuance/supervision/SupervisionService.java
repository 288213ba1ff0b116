package cn.hkmo.issuance.supervision;

import cn.hkmo.issuance.casefile.Actor;
import cn.hkmo.issuance.casefile.CaseEvents;
import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.casefile.CaseFiles;
import cn.hkmo.issuance.deadline.Deadline;
import cn.hkmo.issuance.deadline.StatutoryDeadline;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Supervisors' watch on the statutory deadlines: overdue and near-deadline cases, recorded extensions. */
@ApplicationScoped
@Transactional
public class SupervisionService {

    private final CaseFiles store;
    private final StatutoryDeadline statutory;
    private final CaseEvents events;
    private final Clock clock;

    public SupervisionService(CaseFiles store, StatutoryDeadline statutory, CaseEvents events, Clock clock) {
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
        LocalDate horizon = StatutoryDeadline.onCalendar(() -> statutory.horizon(today, workingDays));
        return Page.of(paging, store.dueBetween(today, horizon), DeadlineItem::of);
    }

    public DeadlineItem extend(Actor supervisor, String applicationNo, ExtensionRequest request) {
        CaseFile c = store.lockExisting(applicationNo);
        Deadline extended = StatutoryDeadline.onCalendar(
                () -> statutory.extended(c.acceptanceDate(), c.hukouLocal(), request.workingDays()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        events.publish(applicationNo,
                c.extendDeadline(extended, request.approvalNo(), request.approvedBy(), request.reason(), supervisor.subject(), now));
        return DeadlineItem.of(c);
    }
}

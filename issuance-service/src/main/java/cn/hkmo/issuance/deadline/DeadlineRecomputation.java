package cn.hkmo.issuance.deadline;

import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.casefile.CaseStore;
import cn.hkmo.kit.calendar.CalendarYearUnknownException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Cases opened while the calendar lacked a year have no deadline; once ops add the year (calendar file,
 * then a restart) their deadlines are computed here.
 */
@ApplicationScoped
public class DeadlineRecomputation {

    private static final Logger LOG = Logger.getLogger(DeadlineRecomputation.class);

    private final CaseStore store;
    private final StatutoryDeadline statutory;

    public DeadlineRecomputation(CaseStore store, StatutoryDeadline statutory) {
        this.store = store;
        this.statutory = statutory;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (CaseFile pending : store.withoutDeadline()) {
                CaseFile c = store.lockExisting(pending.applicationNo());
                try {
                    c.deadlineComputed(statutory.initial(c.acceptanceDate(), c.hukouLocal()));
                    LOG.infof("case %s: deadline %s computed now that the calendar knows the year", c.applicationNo(), c.deadline());
                } catch (CalendarYearUnknownException stillUnknown) {
                    LOG.warnf("case %s still has no deadline: %s", c.applicationNo(), stillUnknown.getMessage());
                }
            }
        });
    }
}

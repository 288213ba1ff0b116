package cn.hkmo.issuance.collection;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.issuance.casefile.Actor;
import cn.hkmo.issuance.casefile.CaseAccess;
import cn.hkmo.issuance.casefile.CaseEvents;
import cn.hkmo.issuance.casefile.CaseFile;
import cn.hkmo.issuance.casefile.CaseFiles;
import cn.hkmo.issuance.casefile.CaseView;
import cn.hkmo.issuance.casefile.CaseViews;
import cn.hkmo.issuance.casefile.PersonalData;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;

/** Collection at the hall (现场领取), recorded by an officer of that hall. */
@ApplicationScoped
@Transactional
public class CollectionService {

    private final CaseFiles store;
    private final CaseEvents events;
    private final PersonalData personalData;
    private final CaseViews views;
    private final Validator validator;
    private final Clock clock;

    public CollectionService(CaseFiles store, CaseEvents events, PersonalData personalData, CaseViews views, Validator validator,
                             Clock clock) {
        this.store = store;
        this.events = events;
        this.personalData = personalData;
        this.views = views;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ReadyItem> readyAtHall(Actor officer, PageRequest paging) {
        String hallId = officer.hallId().orElseThrow(() -> new ProblemException(IssuanceError.OTHER_HALL, "-", "-"));
        return Page.of(paging, store.readyAt(hallId),
                c -> new ReadyItem(c.applicationNo(), c.applicantName(), c.residentIdMasked(), c.permitNo(), c.readyAt()));
    }

    /**
     * The applicant's own ID must be the one on the application; a proxy's must be a valid resident ID
     * (checked with its checksum), and is stored sealed and masked. The body is checked after the hall: an officer
     * of another hall learns that first.
     */
    public CaseView collect(Actor officer, String applicationNo, CollectionRequest request) {
        CaseFile c = store.lockExisting(applicationNo);
        CaseAccess.requireHall(officer, c);
        Set<ConstraintViolation<CollectionRequest>> invalid = validator.validate(request);
        if (!invalid.isEmpty()) {
            throw new ConstraintViolationException(invalid);
        }
        ResidentId shown = ResidentId.parse(request.idNumber(), LocalDate.now(clock));
        CaseFile.Proxy proxy = null;
        if (request.collector() == CollectionRequest.Collector.APPLICANT) {
            if (!personalData.lookupHash(shown).equals(c.residentIdHash())) {
                throw new ProblemException(IssuanceError.COLLECTOR_NOT_APPLICANT, applicationNo, shown.masked());
            }
        } else {
            if (request.proxyName() == null || request.proxyName().isBlank()) {
                throw new ProblemException(IssuanceError.PROXY_NAME_REQUIRED);
            }
            proxy = new CaseFile.Proxy(request.proxyName(), personalData.residentId(shown.value()));
        }
        events.publish(applicationNo, c.collect(proxy, officer.subject(), OffsetDateTime.now(clock)));
        return views.of(c);
    }
}

package cn.hkmo.issuance.casefile;

import cn.hkmo.issuance.IssuanceError;
import cn.hkmo.kit.persistence.AdvisoryLock;
import cn.hkmo.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases in the database. Every change to a case runs under {@link #lock}: the transaction-scoped
 * advisory lock on the application number serialises a payment event, the acceptance and a reviewer's
 * decision, even before the case row exists, so "approved and paid" is never missed by two racing
 * transactions that each see only one half.
 */
@ApplicationScoped
public class CaseFiles implements PanacheRepositoryBase<CaseFile, String> {

    /** Takes the application's lock for the rest of the transaction, then reads the case if it exists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CaseFile> lock(String applicationNo) {
        AdvisoryLock.hold(getEntityManager(), applicationNo);
        return findByIdOptional(applicationNo);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CaseFile lockExisting(String applicationNo) {
        return lock(applicationNo).orElseThrow(() -> new ProblemException(IssuanceError.CASE_NOT_FOUND, applicationNo));
    }

    public Optional<CaseFile> byBookingNo(String bookingNo) {
        return find("bookingNo", bookingNo).firstResultOptional();
    }

    public boolean newPermitNoTaken(String permitNo) {
        return count("permitNo = ?1 and newCard = true", permitNo) > 0;
    }

    public PanacheQuery<CaseFile> ownedBy(String subject) {
        return find("subject = ?1 order by acceptedAt desc", subject);
    }

    /**
     * Undecided cases, urgent first, then by deadline (unknown deadlines last), then first come.
     *
     * @param provincePrefix two digits of the reviewer's province; null for all
     * @param hallId         null for all halls
     */
    public PanacheQuery<CaseFile> reviewQueue(String provincePrefix, String hallId) {
        StringBuilder where = new StringBuilder("status = :opened and decision = :pending");
        Map<String, Object> params = new HashMap<>(Map.of("opened", CaseStatus.OPENED, "pending", Decision.PENDING));
        if (provincePrefix != null) {
            where.append(" and substring(hallRegion, 1, 2) = :province");
            params.put("province", provincePrefix);
        }
        if (hallId != null) {
            where.append(" and hallId = :hallId");
            params.put("hallId", hallId);
        }
        return find(where + " order by urgent desc, deadline asc nulls last, acceptedAt asc", params);
    }

    /** Pending cases whose deadline has passed, the most overdue first; plus those without a deadline yet. */
    public PanacheQuery<CaseFile> overdue(LocalDate today) {
        return find("status = ?1 and (deadline < ?2 or deadline is null) order by deadline asc nulls first, urgent desc",
                CaseStatus.OPENED, today);
    }

    /** Pending cases due between today and the horizon. */
    public PanacheQuery<CaseFile> dueBetween(LocalDate today, LocalDate horizon) {
        return find("status = ?1 and deadline between ?2 and ?3 order by deadline asc, urgent desc", CaseStatus.OPENED, today,
                horizon);
    }

    /** Pending cases whose deadline is provisional or could not be computed: what a new notice may change. */
    public List<CaseFile> withOpenDeadline() {
        return list("status = ?1 and (deadlineProvisional = true or deadline is null)", CaseStatus.OPENED);
    }

    /** Issued EMS permits waiting for the courier. */
    public PanacheQuery<CaseFile> awaitingDispatch() {
        return find("status = ?1 order by issuedAt asc", CaseStatus.ISSUED);
    }

    public PanacheQuery<CaseFile> readyAt(String hallId) {
        return find("status = ?1 and hallId = ?2 order by readyAt asc", CaseStatus.READY_FOR_COLLECTION, hallId);
    }

    /** Permits at a hall, ready at or before {@code readyUpTo} and not reminded of their collection deadline, oldest first. */
    public List<String> awaitingCollectionReminder(Instant readyUpTo, int limit) {
        return getEntityManager().createQuery("select c.applicationNo from CaseFile c where c.status = :ready "
                        + "and c.collectionRemindedAt is null and c.readyAt <= :readyUpTo order by c.readyAt", String.class)
                .setParameter("ready", CaseStatus.READY_FOR_COLLECTION)
                .setParameter("readyUpTo", readyUpTo.atOffset(ZoneOffset.UTC))
                .setMaxResults(limit).getResultList();
    }
}

package cn.hkmo.appointment.slot;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.appointment.AppointmentConfig;
import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.contracts.appointments.PlaceOffered;
import cn.hkmo.kit.identity.MobileNumber;
import cn.hkmo.kit.outbox.Outbox;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Waiting for a full window. A place that comes free goes to the first waiting citizen (priority rebookers
 * first, then by arrival) as an offer hold; only when nobody waits does it return to the pool. The offer
 * counts against capacity like any hold, so the waitlist can never overbook. A citizen waits for at most a few
 * windows and holds at most one offer ({@link WaitlistPolicy}).
 */
@ApplicationScoped
@Transactional
public class Waitlist {

    private static final List<WaitlistEntry.Status> ACTIVE =
            List.of(WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED);

    private final Places places;
    private final Locks locks;
    private final WaitlistPolicy policy;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final AppointmentConfig config;
    private final Clock clock;

    public Waitlist(Places places, Locks locks, Outbox outbox, EntityManager entityManager, AppointmentConfig config,
                    Clock clock) {
        this.places = places;
        this.locks = locks;
        this.policy = new WaitlistPolicy(config.limits().maxWaitlistEntries());
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param offeredHoldId  with status OFFERED: the hold kept for the citizen; book with it before {@code offerExpiresAt}
     * @param offerExpiresAt the offer's expiry in the business zone
     */
    public record EntryView(UUID id, String hallId, LocalDate date, java.time.LocalTime windowStart, String status,
                            boolean priority, UUID offeredHoldId, OffsetDateTime offerExpiresAt) {
        static EntryView of(WaitlistEntry e) {
            Hold offer = e.holdId == null ? null : Hold.findById(e.holdId);
            return new EntryView(e.id, e.hallId, e.date, e.windowStart, e.status.name(), e.priority, e.holdId,
                    offer == null ? null : HoldView.expiresAt(offer));
        }
    }

    /**
     * Queues the citizen for a full window (call with the person and hall locks held). {@code mobile}, the token's,
     * is kept sealed for the offer's text.
     *
     * @throws ProblemException SLOT_NOT_FULL if a place is free (book it instead), ALREADY_WAITLISTED,
     *                          WAITLIST_LIMIT_REACHED
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public EntryView join(Owner owner, Hall hall, Slot slot, boolean priority, String mobile) {
        var counter = places.counters(hall.id(), slot.date(), slot.date(), clock.instant())
                .getOrDefault(slot.date(), java.util.Map.of()).get(slot.window().start());
        int taken = counter == null ? 0 : counter.taken() - counter.expiredHolds();
        int capacity = counter == null ? hall.plan().capacityPerWindow() : counter.capacity();
        if (taken < capacity) {
            throw new ProblemException(AppointmentError.SLOT_NOT_FULL, hall.id(), slot.date(), slot.window().start());
        }
        if (WaitlistEntry.count("hallId = ?1 and date = ?2 and windowStart = ?3 and citizenHash = ?4 and status in ?5",
                hall.id(), slot.date(), slot.window().start(), owner.personHash(), ACTIVE) > 0) {
            throw new ProblemException(AppointmentError.ALREADY_WAITLISTED, hall.id(), slot.date(), slot.window().start());
        }
        policy.checkJoin(WaitlistEntry.count("citizenHash = ?1 and status in ?2", owner.personHash(), ACTIVE))
                .ifPresent(v -> {
                    throw v.problem();
                });
        WaitlistEntry entry = new WaitlistEntry();
        entry.id = UUID.randomUUID();
        entry.hallId = hall.id();
        entry.date = slot.date();
        entry.windowStart = slot.window().start();
        entry.citizenSubject = owner.subject();
        entry.citizenHash = owner.personHash();
        entry.priority = priority;
        entry.mobile = MobileNumber.normalise(mobile).orElse(null);
        entry.status = WaitlistEntry.Status.WAITING;
        entry.createdAt = OffsetDateTime.now(clock);
        entry.persist();
        return EntryView.of(entry);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<EntryView> mine(String subject, PageRequest paging) {
        return Page.of(paging, WaitlistEntry.<WaitlistEntry>find(
                "citizenSubject = ?1 and status in ?2 order by createdAt desc", subject, ACTIVE), EntryView::of);
    }

    public void leave(String subject, UUID id) {
        WaitlistEntry entry = WaitlistEntry.findById(id);
        if (entry == null || !entry.citizenSubject.equals(subject) || entry.status != WaitlistEntry.Status.WAITING) {
            throw new ProblemException(AppointmentError.WAITLIST_ENTRY_NOT_FOUND, id);
        }
        entry.status = WaitlistEntry.Status.LEFT;
    }

    /**
     * A place of {@code slot} came free: offer it to the next waiting citizen who holds no other offer, or give it
     * back to the pool.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Slot slot) {
        List<UUID> passedOver = new ArrayList<>();
        for (Optional<UUID> next = nextInLine(slot, passedOver); next.isPresent(); next = nextInLine(slot, passedOver)) {
            WaitlistEntry entry = WaitlistEntry.findById(next.get());
            // The query skipped citizens with an offer, but another release may be offering them one right now:
            // the try-lock and a fresh count settle it; whoever loses passes them over, never waits.
            if (locks.tryOfferTo(entry.citizenHash) && policy.mayBeOffered(WaitlistEntry.count(
                    "citizenHash = ?1 and status = ?2", entry.citizenHash, WaitlistEntry.Status.OFFERED))) {
                offer(entry, slot);
                return;
            }
            passedOver.add(entry.id);
        }
        places.giveBack(slot);
    }

    /** {@code skip locked}: two places freed at once go to two different citizens. */
    private Optional<UUID> nextInLine(Slot slot, List<UUID> passedOver) {
        String notPassedOver = passedOver.isEmpty() ? "" : " and w.id not in (:passed)";
        var query = entityManager.createNativeQuery("""
                        select w.id from waitlist_entry w
                        where w.hall_id = :hall and w.slot_date = :date and w.window_start = :start and w.status = 'WAITING'
                          and not exists (select 1 from waitlist_entry o where o.citizen_hash = w.citizen_hash and o.status = 'OFFERED')
                        """ + notPassedOver + " order by w.priority desc, w.created_at limit 1 for update of w skip locked", UUID.class)
                .setParameter("hall", slot.hallId()).setParameter("date", slot.date()).setParameter("start", slot.window().start());
        if (!passedOver.isEmpty()) {
            query.setParameter("passed", passedOver);
        }
        @SuppressWarnings("unchecked")
        List<UUID> next = query.getResultList();
        return next.stream().findFirst();
    }

    private void offer(WaitlistEntry entry, Slot slot) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Hold offer = Hold.of(Hold.Kind.OFFER, slot, new Owner(entry.citizenSubject, entry.citizenHash), now,
                now.plus(config.offerTtl()));
        offer.persist();
        entry.status = WaitlistEntry.Status.OFFERED;
        entry.holdId = offer.id;
        outbox.publish(offer.id.toString(), new PlaceOffered(offer.id.toString(),
                entry.citizenSubject, slot.hallId(), slot.date(), slot.window().start(), HoldView.expiresAt(offer),
                entry.mobile));
    }

    /** The offer was booked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void offerUsed(UUID holdId) {
        setStatusOfOffer(holdId, WaitlistEntry.Status.BOOKED);
    }

    /** The offer expired or was declined: the citizen leaves the queue. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void offerLapsed(UUID holdId) {
        setStatusOfOffer(holdId, WaitlistEntry.Status.LAPSED);
    }

    /** A closed day: nobody waits for it any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeDay(String hallId, LocalDate date) {
        WaitlistEntry.update("status = ?1 where hallId = ?2 and date = ?3 and status in ?4", WaitlistEntry.Status.CLOSED,
                hallId, date, List.of(WaitlistEntry.Status.WAITING, WaitlistEntry.Status.OFFERED));
    }

    private void setStatusOfOffer(UUID holdId, WaitlistEntry.Status status) {
        WaitlistEntry.update("status = ?1 where holdId = ?2 and status = ?3", status, holdId, WaitlistEntry.Status.OFFERED);
    }
}

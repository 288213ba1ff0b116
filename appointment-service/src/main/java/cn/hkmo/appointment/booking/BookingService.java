package cn.hkmo.appointment.booking;

import cn.hkmo.appointment.AppointmentError;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.appointment.Violation;
import cn.hkmo.appointment.hall.Hall;
import cn.hkmo.appointment.hall.HallService;
import cn.hkmo.appointment.hall.HallSnapshot;
import cn.hkmo.appointment.slot.Holds;
import cn.hkmo.appointment.slot.Locks;
import cn.hkmo.appointment.slot.Owner;
import cn.hkmo.appointment.slot.PriorityRebooks;
import cn.hkmo.appointment.slot.Slot;
import cn.hkmo.appointment.slot.SlotPlanner;
import cn.hkmo.appointment.slot.Waitlist;
import cn.hkmo.appointment.slot.WindowRequest;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.common.Applicant;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.EndorsementRequest;
import cn.hkmo.kit.config.ClockProducer;
import cn.hkmo.kit.identity.ResidentId;
import cn.hkmo.kit.outbox.Outbox;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The citizen's booking journey: review, book, wait for a full window, list, cancel, reschedule. Every write is one transaction that
 * takes its locks in the order of {@link Locks} and writes its event through the outbox.
 */
@ApplicationScoped
@Transactional
public class BookingService {

    private final HallService halls;
    private final SlotPlanner planner;
    private final Holds holds;
    private final Waitlist waitlist;
    private final Locks locks;
    private final PriorityRebooks priorityRebooks;
    private final BookingValidator validator;
    private final CitizenLimits limits;
    private final NoShowPolicy noShowPolicy;
    private final BookingNumber bookingNumbers;
    private final BookingViews views;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;

    public BookingService(HallService halls, SlotPlanner planner, Holds holds, Waitlist waitlist, Locks locks,
                          PriorityRebooks priorityRebooks, BookingValidator validator, CitizenLimits limits,
                          NoShowPolicy noShowPolicy, BookingNumber bookingNumbers, BookingViews views, Outbox outbox,
                          EntityManager entityManager, Clock clock) {
        this.halls = halls;
        this.planner = planner;
        this.holds = holds;
        this.waitlist = waitlist;
        this.locks = locks;
        this.priorityRebooks = priorityRebooks;
        this.validator = validator;
        this.limits = limits;
        this.noShowPolicy = noShowPolicy;
        this.bookingNumbers = bookingNumbers;
        this.views = views;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /**
     * The review step (确认预约信息): checks the whole form without booking and shows what submit would book,
     * reporting every violation at once as submit would.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingView review(Citizen citizen, BookingRequest request) {
        HallSnapshot snapshot = halls.snapshot(requiredHallId(request));
        Hall hall = snapshot.hall();
        Slot slot = validate(citizen, request, snapshot, clock.instant());
        Booking draft = newBooking("", citizen, new Owner(citizen.subject(), ""), request, hall, slot, null);
        draft.status = Booking.Status.DRAFT;
        return views.of(draft, hall, new PersonalData(citizen.residentId(), citizen.name(), citizen.mobile(),
                request.emergencyContact(), request.delivery()));
    }

    /**
     * Books a window: the limits under the person's lock, then the place (the held one, or a fresh one by
     * the conditional update), then the booking row and its event. A full window is refused right after the form is
     * checked, before the limits: in a rush it is most requests' answer, and its counters come with the locks' statement.
     * The hall and its closures come from this instance's snapshot, current as of the revision read under the hall's
     * lock.
     */
    public BookingView book(Citizen citizen, Owner owner, String actingClient, BookingRequest request) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ClockProducer.BUSINESS_ZONE);
        String hallId = requiredHallId(request);
        Locks.HallShare share = locks.personThenHallShared(owner.personHash(), hallId, request.date(),
                request.windowStart(), now);
        HallSnapshot snapshot = halls.snapshot(hallId, share.revision());
        Hall hall = snapshot.hall();
        Slot slot = validate(citizen, request, snapshot, now);
        if (request.holdId() == null && share.windowFull()) {
            throw new ProblemException(AppointmentError.SLOT_FULL, slot.hallId(), slot.date(), slot.window().start());
        }
        checkCitizen(owner, request.documentType(), now, today);
        if (request.holdId() != null) {
            holds.use(owner, request.holdId(), slot);
        } else {
            holds.take(slot, hall.plan().capacityPerWindow(), now);
        }
        Booking booking = newBooking(bookingNumbers.next(today), citizen, owner, request, hall, slot, actingClient);
        PersonalData personal = new PersonalData(citizen.residentId(), citizen.name(), citizen.mobile(),
                request.emergencyContact(), request.delivery());
        booking.personalData = personal;
        booking.persist();
        outbox.publish(booking.bookingNo, booked(booking, hall, personal, now));
        return views.of(booking, hall, personal);
    }

    /**
     * Queues the citizen for a full window. A waitlist entry ends in a held place and a booking, so joining is
     * refused for the same reasons booking is (no-show restriction, booking limits), before the window is looked at.
     */
    public Waitlist.EntryView joinWaitlist(Owner owner, WindowRequest request, String mobile) {
        Instant now = clock.instant();
        locks.person(owner.personHash());
        // The only document this service books (DocumentType); an offer can only become such a booking.
        checkCitizen(owner, DocumentType.HK_MACAO_PERMIT, now, LocalDate.ofInstant(now, ClockProducer.BUSINESS_ZONE));
        return holds.joinWaitlist(owner, request.hallId(), request.date(), request.windowStart(), mobile);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<BookingView> mine(String subject, PageRequest paging) {
        return Page.of(paging, Booking.<Booking>find("citizenSubject = ?1 order by createdAt desc", subject),
                this::view);
    }

    /** The citizen's own booking; anybody else's does not exist for them (404, not 403). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingView get(String subject, String bookingNo) {
        return view(owned(subject, bookingNo, false));
    }

    public BookingView cancel(String subject, String bookingNo) {
        Booking booking = owned(subject, bookingNo, true);
        Hall hall = changeable(booking);
        BookingCancelled cancelled = booking.cancel(Booking.CancelReason.CITIZEN, OffsetDateTime.now(clock));
        waitlist.release(booking.slot());
        outbox.publish(booking.bookingNo, cancelled);
        return views.of(booking, hall, booking.personalData);
    }

    /** The new window, optionally at another hall, with the citizen's hold on it if they took one. */
    public record RescheduleRequest(String hallId, LocalDate date, LocalTime windowStart, UUID holdId, Boolean nonHukouNoticeAccepted) {
    }

    /**
     * Moves a booking in one transaction: the new place is taken and the old one released together, both
     * capacity rows updated in a fixed order (so two citizens swapping windows cannot deadlock). If the new
     * window is full nothing changes.
     */
    public BookingView reschedule(String subject, String bookingNo, RescheduleRequest request) {
        Instant now = clock.instant();
        Booking current = owned(subject, bookingNo, false);
        String newHallId = request.hallId() == null ? current.hallId : request.hallId();
        HallSnapshot snapshot = halls.snapshot(newHallId, locks.personThenHallShared(current.citizenHash, newHallId));
        Hall newHall = snapshot.hall();
        Booking booking = owned(subject, bookingNo, true);
        changeable(booking);
        Slot oldSlot = booking.slot();
        Slot newSlot = holds.bookableSlot(snapshot, request.date(), request.windowStart(), now);
        List<Violation> violations = new ArrayList<>();
        if (!newHall.handles(booking.category)) {
            violations.add(Violation.of("hallId", AppointmentError.CATEGORY_NOT_HANDLED, newHall.name(), booking.category));
        }
        if (BookingValidator.isNonHukou(booking.hukouRegion, newHall) && !booking.nonHukou
                && !Boolean.TRUE.equals(request.nonHukouNoticeAccepted())) {
            violations.add(Violation.of("nonHukouNoticeAccepted", AppointmentError.NON_HUKOU_NOTICE_REQUIRED, newHall.name()));
        }
        if (!violations.isEmpty()) {
            throw Violation.problem(violations);
        }
        if (newSlot.equals(oldSlot)) {
            return view(booking);
        }
        Owner owner = new Owner(booking.citizenSubject, booking.citizenHash);
        if (request.holdId() != null) {
            holds.use(owner, request.holdId(), newSlot);
            waitlist.release(oldSlot);
        } else if (oldSlot.compareTo(newSlot) < 0) {
            waitlist.release(oldSlot);
            holds.take(newSlot, newHall.plan().capacityPerWindow(), now);
        } else {
            holds.take(newSlot, newHall.plan().capacityPerWindow(), now);
            waitlist.release(oldSlot);
        }
        outbox.publish(booking.bookingNo, booking.reschedule(newSlot, newHall, OffsetDateTime.now(clock)));
        return views.of(booking, newHall, booking.personalData);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public String calendarFile(String subject, String bookingNo) {
        Booking booking = owned(subject, bookingNo, false);
        return BookingCalendarFile.render(booking.bookingNo, halls.get(booking.hallId), booking.slot(), ClockProducer.BUSINESS_ZONE,
                clock.instant());
    }

    private static String requiredHallId(BookingRequest request) {
        if (request.hallId() == null || request.hallId().isBlank()) {
            throw Violation.of("hallId", AppointmentError.FIELD_REQUIRED).problem();
        }
        return request.hallId();
    }

    private Slot validate(Citizen citizen, BookingRequest request, HallSnapshot snapshot, Instant now) {
        Hall hall = snapshot.hall();
        List<Violation> violations = new ArrayList<>(validator.validate(request, hall, citizen,
                LocalDate.ofInstant(now, ClockProducer.BUSINESS_ZONE)));
        if (request.date() != null && request.windowStart() != null) {
            planner.check(hall, snapshot.closures(), request.date(), request.windowStart(), now).ifPresent(violations::add);
        }
        if (!violations.isEmpty()) {
            throw Violation.problem(violations);
        }
        return planner.slot(hall, request.date(), request.windowStart());
    }

    /** The citizen's no-shows that still count and the restriction they cause today, if any. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BookingStanding standing(Owner owner) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ClockProducer.BUSINESS_ZONE);
        List<LocalDate> noShows = entityManager.createQuery("""
                        select b.date from Booking b
                        where b.citizenHash = :hash and b.status = :status and b.date >= :since""", LocalDate.class)
                .setParameter("hash", owner.personHash()).setParameter("status", Booking.Status.NO_SHOW)
                .setParameter("since", noShowPolicy.relevantSince(today))
                .getResultList();
        return BookingStanding.of(noShowPolicy, noShows, today);
    }

    /**
     * Limits and the no-show restriction; the caller holds the person's lock, so the counts cannot go stale. One
     * statement reads all three (the person's bookings are few, under index {@code booking_person}); the priority
     * rebook is looked up only when the period limit would refuse.
     */
    private void checkCitizen(Owner owner, DocumentType documentType, Instant now, LocalDate today) {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                        select string_agg(to_char(slot_date, 'YYYY-MM-DD'), ',')
                                   filter (where status = 'NO_SHOW' and slot_date >= :since),
                               count(*) filter (where document_type = :document and status = 'BOOKED'),
                               count(*) filter (where created_at > :periodStart)
                        from booking where citizen_hash = :hash""")
                .setParameter("hash", owner.personHash()).setParameter("since", noShowPolicy.relevantSince(today))
                .setParameter("document", documentType.name())
                .setParameter("periodStart", OffsetDateTime.ofInstant(now.minus(limits.period()), ClockProducer.BUSINESS_ZONE))
                .getSingleResult();
        List<LocalDate> noShows = counts[0] == null ? List.of()
                : Stream.of(((String) counts[0]).split(",")).map(LocalDate::parse).toList();
        BookingStanding standing = BookingStanding.of(noShowPolicy, noShows, today);
        if (standing.restricted()) {
            throw new ProblemException(AppointmentError.NO_SHOW_RESTRICTED, standing.noShowDates().size(),
                    standing.bookableFrom());
        }
        long active = ((Number) counts[1]).longValue();
        long recent = ((Number) counts[2]).longValue();
        boolean priorityRebook = recent >= limits.maxBookingsPerPeriod() && priorityRebooks.has(owner.personHash(), now);
        limits.check(active, recent, priorityRebook).ifPresent(v -> {
            throw v.problem();
        });
    }

    private Booking owned(String subject, String bookingNo, boolean forUpdate) {
        Booking booking = BookingNumber.isWellFormed(bookingNo)
                ? forUpdate ? entityManager.find(Booking.class, bookingNo, LockModeType.PESSIMISTIC_WRITE)
                : Booking.findById(bookingNo)
                : null;
        if (booking == null || !booking.citizenSubject.equals(subject)) {
            throw new ProblemException(AppointmentError.BOOKING_NOT_FOUND, bookingNo);
        }
        return booking;
    }

    /** A booked booking before its hall's cut-off. */
    private Hall changeable(Booking booking) {
        if (booking.status != Booking.Status.BOOKED) {
            throw new ProblemException(AppointmentError.BOOKING_NOT_ACTIVE, booking.bookingNo, booking.status);
        }
        Hall hall = halls.get(booking.hallId);
        if (!views.deadlines().canChange(booking.slot(), hall.cutOff(), clock.instant())) {
            throw new ProblemException(AppointmentError.CUT_OFF_PASSED, booking.bookingNo,
                    views.changeDeadline(booking.slot(), hall));
        }
        return hall;
    }

    private BookingView view(Booking booking) {
        return views.of(booking, halls.get(booking.hallId), booking.personalData);
    }

    private Booking newBooking(String bookingNo, Citizen citizen, Owner owner, BookingRequest request, Hall hall, Slot slot,
                                     String actingClient) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Booking booking = new Booking();
        booking.bookingNo = bookingNo;
        booking.citizenSubject = citizen.subject();
        booking.citizenHash = owner.personHash();
        booking.moveTo(slot);
        booking.documentType = request.documentType();
        booking.category = request.category();
        booking.endorsements = BookingViews.joinEndorsements(request.endorsements());
        booking.hukouRegion = request.hukouRegion();
        booking.nonHukou = BookingValidator.isNonHukou(request.hukouRegion(), hall);
        booking.deliveryMethod = request.delivery().method();
        booking.status = Booking.Status.BOOKED;
        booking.bookedByClient = actingClient;
        booking.createdAt = now;
        booking.updatedAt = now;
        return booking;
    }

    private static BookingBooked booked(Booking booking, Hall hall, PersonalData personal, Instant now) {
        ResidentId id = ResidentId.parse(personal.residentId(), LocalDate.ofInstant(now, ClockProducer.BUSINESS_ZONE));
        Delivery delivery = personal.delivery();
        List<EndorsementRequest> endorsements = BookingViews.parseEndorsements(booking.endorsements);
        return new BookingBooked(booking.bookingNo,
                new Applicant(booking.citizenSubject, id.value(), personal.name(), personal.mobile(), id.birthDate()),
                booking.hallId, hall.region().districtCode(), booking.date, booking.windowStart, booking.windowEnd,
                booking.hukouRegion, booking.nonHukou,
                booking.category, endorsements, delivery, personal.emergencyContact(), booking.bookedByClient, booking.createdAt);
    }
}

package cn.hkmo.appointment.it;

import cn.hkmo.appointment.booking.BookingRequest;
import cn.hkmo.appointment.booking.BookingService;
import cn.hkmo.appointment.booking.Citizen;
import cn.hkmo.appointment.booking.DocumentType;
import cn.hkmo.appointment.slot.Owner;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.EmergencyContact;
import cn.hkmo.kit.identity.PersonalDataCipher;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Reschedules racing each other: the old place is never leaked or held twice, the new window never overbooked. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
class RescheduleConcurrencyIT {

    private static final String HALL = "TS-MOVE";
    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime TEN = LocalTime.of(10, 0);

    @Inject
    Fixtures fixtures;
    @Inject
    BookingService bookings;
    @Inject
    PersonalDataCipher cipher;

    @BeforeEach
    void reset() {
        fixtures.reset();
        fixtures.hall(HALL, 5);
    }

    @Test
    void manyMovesIntoASmallWindowTakeExactlyItsFreePlaces() throws Exception {
        // 10:00 full (5), 09:00 has 2 free places; everybody tries to swap at once, so a move 09:00 → 10:00
        // succeeds only if a move the other way committed first.
        List<String> atTen = new ArrayList<>();
        List<String> atNine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            atTen.add(book(i, TEN));
        }
        for (int i = 0; i < 3; i++) {
            atNine.add(book(100 + i, NINE));
        }
        List<Future<Boolean>> moves = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            for (int i = 0; i < 5; i++) {
                int n = i;
                moves.add(pool.submit(() -> move(n, atTen.get(n), NINE, start)));
                if (n < 3) {
                    moves.add(pool.submit(() -> move(100 + n, atNine.get(n), TEN, start)));
                }
            }
            start.countDown();
            for (Future<Boolean> move : moves) {
                move.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (LocalTime window : List.of(NINE, TEN)) {
            long booked = fixtures.bookings(HALL, Fixtures.TUESDAY, window);
            assertThat(fixtures.taken(HALL, Fixtures.TUESDAY, window)).as("places taken at %s", window).isEqualTo((int) booked);
            assertThat(booked).isLessThanOrEqualTo(5);
        }
        assertThat(fixtures.bookings(HALL, Fixtures.TUESDAY, NINE) + fixtures.bookings(HALL, Fixtures.TUESDAY, TEN)).isEqualTo(8);
    }

    @Test
    void manyMovesOutOfOneWindowFreeEachPlaceOnce() throws Exception {
        List<String> atNine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            atNine.add(book(200 + i, NINE));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Boolean>> moves = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                int n = i;
                moves.add(pool.submit(() -> move(200 + n, atNine.get(n), TEN, start)));
            }
            start.countDown();
            for (Future<Boolean> move : moves) {
                assertThat(move.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixtures.taken(HALL, Fixtures.TUESDAY, NINE)).isZero();
        assertThat(fixtures.taken(HALL, Fixtures.TUESDAY, TEN)).isEqualTo(5);
    }

    private String book(int n, LocalTime window) {
        Citizen citizen = Fixtures.syntheticCitizen(n);
        return bookings.book(citizen, new Owner(citizen.subject(), cipher.lookupHash(citizen.residentId())), null,
                new BookingRequest("110105", HALL, Fixtures.TUESDAY, window, null, null, new EmergencyContact("张丽", "13912345678"),
                        new Delivery(CollectionMethod.HALL, null, null, null), DocumentType.HK_MACAO_PERMIT,
                        ApplicationCategory.RENEWAL, List.of())).bookingNo();
    }

    private boolean move(int n, String bookingNo, LocalTime to, CountDownLatch start) throws InterruptedException {
        start.await();
        try {
            bookings.reschedule(Fixtures.syntheticCitizen(n).subject(), bookingNo,
                    new BookingService.RescheduleRequest(null, Fixtures.TUESDAY, to, null, null));
            return true;
        } catch (ProblemException e) {
            assertThat(e.errorCode().code()).isEqualTo("SLOT_FULL");
            return false;
        }
    }
}

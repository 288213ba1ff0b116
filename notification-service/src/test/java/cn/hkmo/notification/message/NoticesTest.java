package cn.hkmo.notification.message;

import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCancelled;
import cn.hkmo.contracts.appointments.PlaceOffered;
import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.issuance.CollectionDeadlineNear;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.contracts.issuance.PermitIssued;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.notification.NotificationTestEvents;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NoticesTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T10:00:00+08:00");
    private final Notices notices = new Notices("/api/v1");

    @Test
    void anOfferIsTimeCriticalAndNamesTheHoldsExpiryInBusinessTime() {
        Notice n = notices.placeOffered(new PlaceOffered("H1", "sub-1", "BJ-CHAOYANG", LocalDate.of(2026, 12, 2),
                LocalTime.of(9, 0), OffsetDateTime.parse("2026-12-01T02:30:00Z"), null)).orElseThrow();
        assertThat(n.kind()).isEqualTo(Notices.PLACE_OFFERED);
        assertThat(n.timeCritical()).isTrue();
        assertThat(n.params()).containsEntry("expiresAt", "2026-12-01 10:30").containsEntry("window", "09:00");
        assertThat(n.link()).isEqualTo("/api/v1/holds/H1");
        assertThat(n.recipient()).isEqualTo("sub-1");
    }

    @Test
    void aHallClosureLinksToTheHallsWindowsForThePriorityRebook() {
        Notice closed = notices.cancelled(new BookingCancelled("B1", "sub-1", "SH-PUDONG",
                LocalDate.of(2026, 12, 3), "HALL_CLOSED", AT)).orElseThrow();
        assertThat(closed.kind()).isEqualTo(Notices.BOOKING_CANCELLED_HALL_CLOSED);
        assertThat(closed.link()).isEqualTo("/api/v1/availability?hallId=SH-PUDONG");
        Notice byCitizen = notices.cancelled(new BookingCancelled("B1", "sub-1", "SH-PUDONG",
                LocalDate.of(2026, 12, 3), "CITIZEN", AT)).orElseThrow();
        assertThat(byCitizen.kind()).isEqualTo(Notices.BOOKING_CANCELLED);
        assertThat(byCitizen.link()).isEqualTo("/api/v1/bookings/B1");
    }

    @Test
    void theCorrectionNoticeListsEveryMissingItem() {
        Notice n = notices.correctionRequested(new CorrectionRequested("N1", "B1", "sub-1", "BJ-CHAOYANG",
                List.of(new cn.hkmo.contracts.common.Notice("PHOTO", "近期彩色照片"), new cn.hkmo.contracts.common.Notice("HUKOU", "户口簿原件")), "officer.bj", AT))
                .orElseThrow();
        assertThat(n.params()).containsEntry("count", "2").containsEntry("items", "近期彩色照片; 户口簿原件");
        assertThat(n.link()).isEqualTo("/api/v1/intake/my/notices/N1");
    }

    @Test
    void theRefusalLinksToItsDecisionDocument() {
        Notice n = notices.refused(new DecisionRefused("A1", "sub-1", "D1", List.of("r"), "reviewer.bj", AT)).orElseThrow();
        assertThat(n.link()).isEqualTo("/api/v1/cases/A1/refusal");
        assertThat(n.params()).containsEntry("decisionNo", "D1");
    }

    @Test
    void aPermitAtTheHallIsReadyForCollectionAndAMailedOneWaitsForItsDispatch() {
        assertThat(notices.permitIssued(issued(CollectionMethod.HALL)).orElseThrow().kind())
                .isEqualTo(Notices.READY_FOR_COLLECTION);
        assertThat(notices.permitIssued(issued(CollectionMethod.EMS))).isEmpty();
        assertThat(notices.permitIssued(issued(null))).isEmpty();
    }

    @Test
    void theCollectionDeadlineNamesTheLastDayAndTheHallAndLinksToTheTimeline() {
        Notice n = notices.collectionDeadlineNear(new CollectionDeadlineNear("A1", "sub-1", "BJ-CHAOYANG",
                LocalDate.of(2027, 3, 1), AT)).orElseThrow();
        assertThat(n.kind()).isEqualTo(Notices.COLLECTION_DEADLINE_NEAR);
        assertThat(n.params()).containsEntry("collectBy", "2027-03-01").containsEntry("hallId", "BJ-CHAOYANG");
        assertThat(n.link()).isEqualTo("/api/v1/timeline/A1");
        assertThat(n.timeCritical()).as("held in quiet hours like other reminders").isFalse();
    }

    @Test
    void paymentsNameTheAmountInYuanAndEventsWithoutACitizenTellNobody() {
        assertThat(notices.paymentCompleted(new PaymentCompleted("A1", "FO1", 9000, "ALIPAY", "T1", AT, "sub-1")).orElseThrow()
                .params()).containsEntry("amount", "90.00");
        assertThat(notices.paymentCompleted(new PaymentCompleted("A1", "FO1", 9000, "ALIPAY", "T1", AT))).isEmpty();
    }

    @Test
    void aBookingsNoticeCarriesNoResidentIdNorMobile() {
        BookingBooked booked = NotificationTestEvents.booked("B1", "sub-1", "13800000000").dataAs(BookingBooked.class);
        Notice n = notices.booked(booked).orElseThrow();
        assertThat(n.kind()).isEqualTo(Notices.BOOKING_CONFIRMED);
        assertThat(String.join(" ", n.params().values())).doesNotContain("110105199003071239").doesNotContain("13800000000");
    }

    private PermitIssued issued(CollectionMethod method) {
        return new PermitIssued("A1", "sub-1", "C1", LocalDate.of(2026, 12, 1), LocalDate.of(2036, 11, 30), true, List.of(),
                LocalDate.of(2026, 12, 1), AT, method, "BJ-CHAOYANG");
    }
}

package cn.hkmo.issuance.timeline;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.applications.CorrectionRequested;
import cn.hkmo.contracts.appointments.BookingBooked;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.appointments.BookingNoShow;
import cn.hkmo.contracts.appointments.HallClosed;
import cn.hkmo.contracts.common.ApplicationCategory;
import cn.hkmo.contracts.common.Notice;
import cn.hkmo.contracts.issuance.CaseOpened;
import cn.hkmo.contracts.issuance.DecisionRefused;
import cn.hkmo.contracts.payments.PaymentCompleted;
import cn.hkmo.issuance.casefile.Cases;
import cn.hkmo.issuance.casefile.Timeline;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineEventsTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-02T09:00:00+08:00");

    private static EventEnvelope envelope(String type, String key, Object data) {
        return EventEnvelope.of(type, "/test", key, T0, data);
    }

    @Test
    void events_of_every_service_become_steps_without_personal_data() {
        var booked = TimelineEvents.stepOf(envelope(BookingBooked.TYPE, "B1", new BookingBooked("B1", Cases.ZHANGWEI,
                "BJ-CHAOYANG", LocalDate.of(2026, 3, 2), LocalTime.of(9, 0), LocalTime.of(9, 30), "110105", false,
                ApplicationCategory.FIRST_APPLICATION, List.of(), Cases.EMS, null, "hkmo-h5", T0.minusDays(3)))).orElseThrow();
        assertThat(booked.step()).isEqualTo(TimelineStep.BOOKED);
        assertThat(booked.bookingNo()).isEqualTo("B1");
        assertThat(booked.subject()).isEqualTo("sub-zhangwei");
        assertThat(booked.details()).containsEntry("date", "2026-03-02").containsEntry("windowStart", "09:00");
        assertThat(booked.details().values()).noneMatch(v -> v.contains("110105199003071239") || v.contains("建国路"));

        var correction = TimelineEvents.stepOf(envelope(CorrectionRequested.TYPE, "B1", new CorrectionRequested("N1", "B1",
                "sub-zhangwei", "BJ-CHAOYANG", List.of(new Notice("PHOTO", "照片不符合要求"), new Notice("FORM", "申请表未签名")),
                "officer.bj", T0))).orElseThrow();
        assertThat(correction.details()).containsEntry("items", "照片不符合要求；申请表未签名");

        var paid = TimelineEvents.stepOf(envelope(PaymentCompleted.TYPE, "A1", new PaymentCompleted("A1", "O1", 9000,
                "ALIPAY", "2026030222001", T0))).orElseThrow();
        assertThat(paid.applicationNo()).isEqualTo("A1");
        assertThat(paid.details()).containsEntry("amountFen", "9000");

        var opened = TimelineEvents.stepOf(envelope(CaseOpened.TYPE, "A1", new CaseOpened("A1", "sub-zhangwei", "BJ-CHAOYANG",
                LocalDate.of(2026, 3, 11), false, T0))).orElseThrow();
        assertThat(opened.step()).isEqualTo(TimelineStep.UNDER_REVIEW);
        assertThat(opened.details()).containsEntry("deadline", "2026-03-11");

        var refused = TimelineEvents.stepOf(envelope(DecisionRefused.TYPE, "A1", new DecisionRefused("A1", "sub-zhangwei",
                "110000-2026-000001", List.of("材料虚假"), "reviewer.bj", T0))).orElseThrow();
        assertThat(refused.details()).containsOnlyKeys("decisionNo");
    }

    @Test
    void a_no_show_is_a_step_of_its_booking() {
        var noShow = TimelineEvents.stepOf(envelope(BookingNoShow.TYPE, "B1", new BookingNoShow("B1", "sub-zhangwei",
                "BJ-CHAOYANG", LocalDate.of(2026, 3, 2), T0.plusMinutes(46)))).orElseThrow();
        assertThat(noShow.step()).isEqualTo(TimelineStep.NO_SHOW);
        assertThat(noShow.bookingNo()).isEqualTo("B1");
        assertThat(noShow.applicationNo()).isNull();
        assertThat(noShow.subject()).isEqualTo("sub-zhangwei");
        assertThat(noShow.at()).isEqualTo(T0.plusMinutes(46));
        assertThat(noShow.details()).containsEntry("date", "2026-03-02").containsEntry("hallId", "BJ-CHAOYANG");
    }

    @Test
    void events_that_are_no_step_are_ignored() {
        assertThat(TimelineEvents.stepOf(envelope(HallClosed.TYPE, "BJ-CHAOYANG",
                new HallClosed("BJ-CHAOYANG", LocalDate.of(2026, 3, 2), "停电", List.of(), T0)))).isEmpty();
    }

    @Test
    void steps_are_ordered_by_time_then_by_process_order() {
        var checkedIn = TimelineEvents.stepOf(envelope(BookingCheckedIn.TYPE, "B1",
                new BookingCheckedIn("B1", "sub-zhangwei", "BJ-CHAOYANG", "officer.bj", T0))).orElseThrow();
        var opened = new TimelineFact(null, TimelineStep.UNDER_REVIEW, "A1", null, null, T0.plusMinutes(5), java.util.Map.of());
        var accepted = new TimelineFact(null, TimelineStep.ACCEPTED, "A1", "B1", null, T0.plusMinutes(5), java.util.Map.of());
        assertThat(Timeline.order(List.of(opened, checkedIn, accepted))).extracting(Timeline.Step::step)
                .containsExactly(TimelineStep.CHECKED_IN, TimelineStep.ACCEPTED, TimelineStep.UNDER_REVIEW);
    }
}

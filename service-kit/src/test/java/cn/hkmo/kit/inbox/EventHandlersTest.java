package cn.hkmo.kit.inbox;

import cn.hkmo.contracts.EventEnvelope;
import cn.hkmo.contracts.appointments.BookingCheckedIn;
import cn.hkmo.contracts.appointments.BookingNoShow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventHandlersTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-05T09:00:00+08:00");

    @Test
    void aHandlerGetsItsTypedPayloadAndTheEveryEventHandlerRunsFirst() {
        List<String> seen = new ArrayList<>();
        EventHandlers handlers = EventHandlers.create()
                .onEvery(event -> seen.add("every " + event.type()))
                .on(BookingCheckedIn.class, checkedIn -> seen.add("checked in " + checkedIn.bookingNo()))
                .on(BookingNoShow.class, (event, noShow) -> seen.add("no-show " + noShow.bookingNo() + " at " + event.time()));

        handlers.handle(envelope(BookingCheckedIn.TYPE, new BookingCheckedIn("B1", "sub-1", "BJ-CHAOYANG", "officer.bj", AT)));
        handlers.handle(envelope(BookingNoShow.TYPE, new BookingNoShow("B2", "sub-2", "BJ-CHAOYANG", LocalDate.of(2026, 12, 4), AT)));

        assertThat(seen).containsExactly("every " + BookingCheckedIn.TYPE, "checked in B1",
                "every " + BookingNoShow.TYPE, "no-show B2 at " + AT);
    }

    @Test
    void aTypeWithoutHandlerIsSkippedAndARecordOutsideTheCatalogueOrTwiceIsRefused() {
        List<String> seen = new ArrayList<>();
        EventHandlers handlers = EventHandlers.create().on(BookingCheckedIn.class, checkedIn -> seen.add(checkedIn.bookingNo()));
        handlers.handle(envelope(BookingNoShow.TYPE, new BookingNoShow("B2", "sub-2", "BJ-CHAOYANG", LocalDate.of(2026, 12, 4), AT)));
        assertThat(seen).isEmpty();

        record NotAnEvent(String x) {
        }
        assertThatThrownBy(() -> EventHandlers.create().on(NotAnEvent.class, e -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NotAnEvent");
        assertThatThrownBy(() -> handlers.on(BookingCheckedIn.class, e -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(BookingCheckedIn.TYPE);
    }

    private static EventEnvelope envelope(String type, Record data) {
        return EventEnvelope.of(type, "/appointment-service", "B", AT, data);
    }
}

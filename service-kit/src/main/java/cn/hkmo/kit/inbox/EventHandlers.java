package cn.hkmo.kit.inbox;

import cn.hkmo.contracts.EventCatalog;
import cn.hkmo.contracts.EventEnvelope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A consumer's typed handlers: one per payload record it reads, found by the record's entry in {@link EventCatalog}.
 * A type with no handler is skipped (other consumers on the topic read it).
 *
 * <pre>{@code
 * private final EventHandlers handlers = EventHandlers.create()
 *         .on(BookingBooked.class, bookings::booked)
 *         .on(BookingCancelled.class, (event, cancelled) -> bookings.cancelled(cancelled, event.time()));
 *
 * @Incoming("appointments") @Blocking
 * void onRecord(String record) {
 *     inbox.deliver(record, "eligibility-bookings", handlers::handle);
 * }
 * }</pre>
 */
public final class EventHandlers {

    private final Map<String, Consumer<EventEnvelope>> byType = new LinkedHashMap<>();
    private final List<Consumer<EventEnvelope>> everyEvent = new ArrayList<>();

    private EventHandlers() {
    }

    public static EventHandlers create() {
        return new EventHandlers();
    }

    /** Handles {@code payload}'s type with the payload alone. */
    public <P extends Record> EventHandlers on(Class<P> payload, Consumer<P> handler) {
        return on(payload, (event, data) -> handler.accept(data));
    }

    /** Handles {@code payload}'s type with the envelope (its id, time, subject) and the payload. */
    public <P extends Record> EventHandlers on(Class<P> payload, BiConsumer<EventEnvelope, P> handler) {
        String type = EventCatalog.of(payload).type();
        if (byType.putIfAbsent(type, event -> handler.accept(event, event.dataAs(payload))) != null) {
            throw new IllegalStateException("two handlers for " + type);
        }
        return this;
    }

    /** Runs for every event the consumer reads, before its typed handler (a timeline that records each one). */
    public EventHandlers onEvery(Consumer<EventEnvelope> handler) {
        everyEvent.add(handler);
        return this;
    }

    /** Applies {@code event}'s handlers; in the delivery's transaction. */
    public void handle(EventEnvelope event) {
        everyEvent.forEach(handler -> handler.accept(event));
        Consumer<EventEnvelope> handler = byType.get(event.type());
        if (handler != null) {
            handler.accept(event);
        }
    }
}

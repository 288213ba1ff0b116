package cn.hkmo.issuance.timeline;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One step of a timeline as read from an event. Details hold only what the citizen may see on the
 * step (numbers, dates, amounts), never personal data.
 *
 * @param eventId       the source event, so a step is stored once; null for steps this service derives itself
 * @param applicationNo null for steps before acceptance (they carry the booking number)
 * @param subject       the citizen's token subject, when the event names it
 */
public record TimelineFact(String eventId, TimelineStep step, String applicationNo, String bookingNo, String subject,
                           OffsetDateTime at, Map<String, String> details) {

    public TimelineFact {
        details = Map.copyOf(details);
    }
}

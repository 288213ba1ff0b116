package cn.hkmo.notification.delivery;

import java.time.LocalDate;
import java.util.Map;

/**
 * One way out to the citizen (SMS, a platform's messages). The dispatcher records every attempt, with the
 * message's {@code outId}, before it calls {@link #send}; where an attempt's outcome is unknown it calls
 * {@link #lookup} before sending again, so a retry never sends twice.
 */
public interface Channel {

    /** The channel's name in {@code delivery.channel}. */
    String name();

    /** Whether this channel has a template for the kind of message; kinds without one go to the message centre only. */
    boolean carries(String kind);

    Outcome send(Outgoing message);

    /** Whether the provider already has a message with {@code outId} (sent on or after {@code firstAttemptDay}). */
    Outcome lookup(Outgoing message);

    /**
     * @param outId           ours, unique per delivery: the provider keeps it with the message
     * @param address         where to (a mobile); never log it unmasked
     * @param firstAttemptDay business day of the first attempt, where a lookup starts
     */
    record Outgoing(String outId, String address, String kind, Map<String, String> params, LocalDate firstAttemptDay) {
    }

    sealed interface Outcome {
    }

    /** The provider took it (send), or has it (lookup). */
    record Sent(String providerRef) implements Outcome {
    }

    /** Lookup only: the provider never received it, so it may be sent. */
    record NotFound() implements Outcome {
    }

    /** The provider answered no; {@code permanent}: trying again cannot help (bad number, template refused). */
    record Refused(String code, boolean permanent) implements Outcome {
    }

    /** No answer, or one we cannot trust: the message may or may not have left. */
    record Unknown(String reason) implements Outcome {
    }
}

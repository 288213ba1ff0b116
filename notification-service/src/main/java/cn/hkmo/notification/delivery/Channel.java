package cn.hkmo.notification.delivery;

import cn.hkmo.notification.NotificationConfig;
import cn.hkmo.notification.recipient.Recipient;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One way out to the citizen (SMS, a platform's messages). The dispatcher records every attempt, with the
 * message's {@code outId}, before it calls {@link #send}; where an attempt's outcome is unknown it calls
 * {@link #lookup} before sending again, so a retry never sends twice.
 */
public interface Channel {

    /** The channel's name in {@code delivery.channel}. */
    String name();

    NotificationConfig.ChannelSettings settings();

    /** Whether this channel has a template for the kind of message; kinds without one go to the message centre only. */
    default boolean carries(String kind) {
        return settings().enabled() && settings().templates().containsKey(kind);
    }

    /** Where the citizen is reached on this channel now, or why not (consent, no number, no subscription). */
    Reach reach(Optional<Recipient> recipient);

    Outcome send(Outgoing message);

    /** Whether the provider already has a message with {@code outId} (sent on or after {@code firstAttemptDay}). */
    Outcome lookup(Outgoing message);

    /** False where the provider has no such query: then a replay is a person's decision to send again. */
    default boolean looksUp() {
        return true;
    }

    /**
     * @param outId           ours, unique per delivery: the provider keeps it with the message
     * @param address         where to (a mobile); never log it unmasked
     * @param firstAttemptDay business day of the first attempt, where a lookup starts
     */
    /** {@code address} when reachable, else {@code whyNot} (recorded on the skipped delivery). */
    record Reach(String address, String whyNot) {
        public static Reach to(String address) {
            return new Reach(address, null);
        }

        public static Reach not(String whyNot) {
            return new Reach(null, whyNot);
        }

        public boolean reachable() {
            return address != null;
        }
    }

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

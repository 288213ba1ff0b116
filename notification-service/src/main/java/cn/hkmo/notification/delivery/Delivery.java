package cn.hkmo.notification.delivery;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One message on one channel: at most one per (message, channel), so one event sends at most once per channel. */
@Entity
@Table(name = "delivery")
public class Delivery {

    public enum Status {
        /** Due at {@code nextAttemptAt} (perhaps held back by quiet hours). */
        PENDING,
        /** An attempt started and its outcome is not known yet: looked up at the provider before any new send. */
        SENDING,
        SENT,
        /** Not sent on purpose (no consent, no mobile, daily cap): the message centre still has it. */
        SKIPPED,
        /** Attempts used up or refused for good: the operations view lists it for a replay. */
        DEAD
    }

    @Id
    public UUID id;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String channel;

    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** Given to the provider with the message; the key of a lookup. */
    @Column(name = "out_id", nullable = false, unique = true)
    public String outId;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "time_critical", nullable = false)
    public boolean timeCritical;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "first_attempt_day")
    public LocalDate firstAttemptDay;

    /** The provider's id of the message (Alibaba Cloud's BizId). */
    @Column(name = "provider_ref")
    public String providerRef;

    /** Why it is held, skipped or dead (QUIET_HOURS, NO_CONSENT, DAILY_CAP, a provider code), or why it went out in quiet hours. */
    public String reason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** For logs and test failures: the state of the attempt, never the recipient. */
    @Override
    public String toString() {
        return "Delivery[" + id + " " + channel + " " + kind + " " + status + " reason=" + reason + " attempts=" + attempts
                + " next=" + nextAttemptAt + "]";
    }
}

package cn.hkmo.notification.message;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One message of a citizen's message centre (站内信): a template key and its parameters, rendered when read. */
@Entity
@Table(name = "message")
public class Message {

    @Id
    public UUID id;

    /** The citizen's subject. */
    @Column(nullable = false)
    public String recipient;

    /** The event it came from: unique, so a redelivered event makes no second message. */
    @Column(name = "event_id", nullable = false, unique = true)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String kind;

    /** The parameters as a JSON object, in template order. */
    @Column(nullable = false)
    public String params;

    public String link;

    @Column(name = "time_critical", nullable = false)
    public boolean timeCritical;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;
}

package cn.hkmo.kit.outbox;

import cn.hkmo.kit.identity.PersonalDataCipher;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An event waiting in the business database until {@link OutboxRelay} has handed it to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Assigned by the database in insert order; the relay publishes in this order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false, length = 200)
    public String topic;

    @Column(name = "message_key", nullable = false, length = 200)
    public String messageKey;

    @Column(nullable = false, length = 200)
    public String type;

    /**
     * The CloudEvents envelope as JSON, exactly as it goes on the topic, sealed with the service's personal-data
     * key ({@code PersonalDataCipher} format) because a payload may name the applicant, and published rows stay
     * for the retention period. Rows written before the seal hold the JSON in clear; see {@link #json}.
     */
    @Column(nullable = false, columnDefinition = "text")
    public String envelope;

    /** W3C trace context of the business transaction, so the consumer's span joins the same trace. */
    @Column(length = 55)
    public String traceparent;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    void seal(String json, PersonalDataCipher cipher) {
        envelope = cipher.encrypt(json);
    }

    /** The envelope as it goes on the topic; a row from before the seal (plain JSON) as it is. */
    String json(PersonalDataCipher cipher) {
        return cipher.decryptIfSealed(envelope);
    }
}

package cn.hkmo.notification.message;

import cn.hkmo.kit.config.ClockProducer;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.kit.problem.ProblemMessages;
import cn.hkmo.notification.NotificationError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The message centre: one message per event, read and marked by its citizen only. */
@ApplicationScoped
@Transactional
public class Messages {

    private static final TypeReference<LinkedHashMap<String, String>> PARAMS = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ProblemMessages bundles;
    private final ObjectMapper json;
    private final Clock clock;

    public Messages(EntityManager entityManager, ProblemMessages bundles, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.bundles = bundles;
        this.json = json;
        this.clock = clock;
    }

    /** Stores the notice of event {@code eventId}; call in the consumer's transaction, once per event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Message store(String eventId, String eventType, Notice notice) {
        Message m = new Message();
        m.id = UUID.randomUUID();
        m.recipient = notice.recipient();
        m.eventId = eventId;
        m.eventType = eventType;
        m.kind = notice.kind();
        m.params = write(notice);
        m.link = notice.link();
        m.timeCritical = notice.timeCritical();
        m.createdAt = now();
        entityManager.persist(m);
        return m;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MessageView> mine(String subject, PageRequest paging, Locale locale) {
        List<Message> items = entityManager.createQuery(
                        "from Message where recipient = :me order by createdAt desc, id", Message.class)
                .setParameter("me", subject).setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        long total = entityManager.createQuery("select count(m) from Message m where m.recipient = :me", Long.class)
                .setParameter("me", subject).getSingleResult();
        return new Page<>(items.stream().map(m -> view(m, locale)).toList(), paging.page(), paging.size(), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long unread(String subject) {
        return entityManager.createQuery("select count(m) from Message m where m.recipient = :me and m.readAt is null",
                Long.class).setParameter("me", subject).getSingleResult();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public MessageView one(String subject, UUID id, Locale locale) {
        return view(owned(subject, id), locale);
    }

    /** Marks it read; again is a no-op that keeps the first time. */
    public MessageView markRead(String subject, UUID id, Locale locale) {
        Message m = owned(subject, id);
        if (m.readAt == null) {
            m.readAt = now();
        }
        return view(m, locale);
    }

    /** The text of a notice in {@code locale}: {@code <kind>.title} and {@code <kind>.body} of {@code messages*.properties}. */
    public String title(String kind, Locale locale, Object... args) {
        return bundles.message(kind + ".title", locale, args).orElse(kind);
    }

    public String body(String kind, Locale locale, Object... args) {
        return bundles.message(kind + ".body", locale, args).orElse(kind);
    }

    /** The stored parameters of a message, in template order. */
    public LinkedHashMap<String, String> params(Message m) {
        try {
            return json.readValue(m.params, PARAMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("message " + m.id + " has unreadable parameters", e);
        }
    }

    private Message owned(String subject, UUID id) {
        return Optional.ofNullable(entityManager.find(Message.class, id))
                .filter(m -> m.recipient.equals(subject))
                .orElseThrow(() -> new ProblemException(NotificationError.MESSAGE_NOT_FOUND, id));
    }

    private MessageView view(Message m, Locale locale) {
        Object[] args = params(m).values().toArray();
        return new MessageView(m.id, m.kind, title(m.kind, locale, args), body(m.kind, locale, args), m.link,
                businessTime(m.createdAt), m.readAt != null, businessTime(m.readAt));
    }

    /** Stored to the microsecond, as PostgreSQL keeps it, so a second read answers the same instant. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** Read back, timestamps come in UTC; answers carry the business offset (+08:00). */
    private static OffsetDateTime businessTime(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(ClockProducer.BUSINESS_ZONE).toOffsetDateTime();
    }

    private String write(Notice notice) {
        try {
            return json.writeValueAsString(notice.params());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package cn.hkmo.notification.delivery;

import cn.hkmo.kit.config.ClockProducer;
import cn.hkmo.kit.paging.Page;
import cn.hkmo.kit.paging.PageRequest;
import cn.hkmo.kit.problem.ProblemException;
import cn.hkmo.notification.NotificationConfig;
import cn.hkmo.notification.NotificationError;
import cn.hkmo.notification.message.Message;
import cn.hkmo.notification.message.Messages;
import cn.hkmo.notification.recipient.Recipients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The delivery records and their transitions. Every attempt is committed ({@code SENDING}, with the OutId) before
 * the provider is called, and its outcome in a transaction of its own: a process killed in between leaves a
 * {@code SENDING} row, which the next pass looks up at the provider instead of sending again.
 */
@ApplicationScoped
public class Deliveries {

    private static final Logger LOG = Logger.getLogger(Deliveries.class);

    /** One claimed attempt: send, or first ask the provider whether an earlier attempt arrived. */
    public record Work(UUID deliveryId, Channel channel, Channel.Outgoing outgoing, boolean lookupFirst) {
    }

    private final EntityManager entityManager;
    private final List<Channel> channels;
    private final Recipients recipients;
    private final Messages messages;
    private final DeliveryPolicy policy;
    private final NotificationConfig config;
    private final MeterRegistry meters;
    private final Clock clock;

    public Deliveries(EntityManager entityManager, Instance<Channel> channels, Recipients recipients, Messages messages,
                      NotificationConfig config, MeterRegistry meters, Clock clock) {
        this.entityManager = entityManager;
        this.channels = channels.stream().toList();
        this.recipients = recipients;
        this.messages = messages;
        this.config = config;
        this.meters = meters;
        this.clock = clock;
        this.policy = new DeliveryPolicy(config.quietHours().start(), config.quietHours().end(), config.sms().dailyCap(),
                config.dispatch().retryDelays(), ClockProducer.BUSINESS_ZONE);
    }

    /** A delivery per channel that carries the message's kind; in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(Message message) {
        for (Channel channel : channels) {
            if (!channel.carries(message.kind)) {
                continue;
            }
            Delivery d = new Delivery();
            d.id = UUID.randomUUID();
            d.messageId = message.id;
            d.recipient = message.recipient;
            d.channel = channel.name();
            d.kind = message.kind;
            d.status = Delivery.Status.PENDING;
            d.outId = d.id.toString().replace("-", "");
            d.timeCritical = message.timeCritical;
            d.createdAt = message.createdAt;
            d.nextAttemptAt = message.createdAt;
            entityManager.persist(d);
        }
    }

    /** Claims due deliveries (skip-locked, so replicas never take the same one) and records their attempts. */
    public List<Work> claim(int batch) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            @SuppressWarnings("unchecked")
            List<UUID> due = entityManager.createNativeQuery("""
                            select id from delivery where status in ('PENDING', 'SENDING') and next_attempt_at <= :now
                            order by next_attempt_at limit :batch for update skip locked""", UUID.class)
                    .setParameter("now", now).setParameter("batch", batch).getResultList();
            List<Work> work = new ArrayList<>();
            for (UUID id : due) {
                attempt(entityManager.find(Delivery.class, id), now).ifPresent(work::add);
            }
            return work;
        });
    }

    private Optional<Work> attempt(Delivery d, OffsetDateTime now) {
        Channel channel = channel(d.channel);
        Channel.Reach reach = channel.reach(recipients.find(d.recipient));
        boolean lookupFirst = d.status == Delivery.Status.SENDING;
        if (!lookupFirst) {
            if (!reach.reachable()) {
                return finish(d, Delivery.Status.SKIPPED, reach.whyNot());
            }
            DeliveryPolicy.Decision decision = policy.decide(d.timeCritical, now.toInstant(), sentToday(d, now.toInstant()));
            if (decision instanceof DeliveryPolicy.HoldUntil hold) {
                d.nextAttemptAt = hold.until().atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime();
                d.reason = DeliveryPolicy.QUIET_HOURS;
                return Optional.empty();
            }
            if (decision instanceof DeliveryPolicy.Skip skip) {
                return finish(d, Delivery.Status.SKIPPED, skip.reason());
            }
            d.reason = ((DeliveryPolicy.Send) decision).reason();
            d.status = Delivery.Status.SENDING;
        }
        if (!reach.reachable()) {
            // an attempt is out there but the address is gone (consent withdrawn): nothing more is sent
            return finish(d, Delivery.Status.SKIPPED, reach.whyNot());
        }
        if (d.firstAttemptDay == null) {
            d.firstAttemptDay = now.atZoneSameInstant(ClockProducer.BUSINESS_ZONE).toLocalDate();
        }
        d.attempts++;
        d.nextAttemptAt = now.plus(config.dispatch().inFlightTimeout());
        Message message = entityManager.find(Message.class, d.messageId);
        return Optional.of(new Work(d.id, channel, new Channel.Outgoing(d.outId, reach.address(), d.kind,
                messages.params(message), d.firstAttemptDay), lookupFirst));
    }

    /** Records what the provider said about an attempt. */
    public void record(UUID deliveryId, Channel.Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            Delivery d = entityManager.find(Delivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
            if (d.status != Delivery.Status.SENDING) {
                return; // settled meanwhile (an operator, another pass after a long stall)
            }
            Instant now = clock.instant();
            if (outcome instanceof Channel.Sent sent) {
                d.status = Delivery.Status.SENT;
                d.providerRef = sent.providerRef();
                d.sentAt = OffsetDateTime.now(clock);
                meters.counter("hkmo_notification_sent_total", "channel", d.channel).increment();
            } else if (outcome instanceof Channel.Refused refused && refused.permanent()) {
                die(d, refused.code());
            } else if (outcome instanceof Channel.Refused refused) {
                // a clear no: nothing left, so the next attempt sends without a lookup
                d.status = Delivery.Status.PENDING;
                retryOrDie(d, refused.code(), now);
            } else if (outcome instanceof Channel.Unknown unknown) {
                retryOrDie(d, unknown.reason(), now);
            } else {
                throw new IllegalStateException("not an outcome of an attempt: " + outcome);
            }
        });
    }

    private void retryOrDie(Delivery d, String reason, Instant now) {
        d.reason = reason;
        policy.retryAt(d.attempts, now).ifPresentOrElse(
                at -> d.nextAttemptAt = at.atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime(),
                () -> die(d, reason));
    }

    private void die(Delivery d, String reason) {
        finish(d, Delivery.Status.DEAD, reason);
        meters.counter("hkmo_notification_dead_letters_total", "channel", d.channel).increment();
        LOG.warnf("delivery %s (%s, %s) is dead after %d attempts: %s", d.id, d.channel, d.kind, d.attempts, reason);
    }

    private Optional<Work> finish(Delivery d, Delivery.Status status, String reason) {
        d.status = status;
        d.reason = reason;
        return Optional.empty();
    }

    private long sentToday(Delivery d, Instant now) {
        return entityManager.createQuery("select count(d) from Delivery d where d.recipient = :r and d.channel = :c "
                        + "and d.status = :sent and d.sentAt >= :since", Long.class)
                .setParameter("r", d.recipient).setParameter("c", d.channel).setParameter("sent", Delivery.Status.SENT)
                .setParameter("since", policy.startOfDay(now).atZone(ClockProducer.BUSINESS_ZONE).toOffsetDateTime())
                .getSingleResult();
    }

    private Channel channel(String name) {
        return channels.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no channel " + name));
    }

    // ------------------------------------------------------------------ operations: the dead letters

    public record DeadLetterView(UUID id, UUID messageId, String channel, String kind, int attempts, String reason,
                                 OffsetDateTime createdAt, LocalDate firstAttemptDay) {
        static DeadLetterView of(Delivery d) {
            return new DeadLetterView(d.id, d.messageId, d.channel, d.kind, d.attempts, d.reason, d.createdAt, d.firstAttemptDay);
        }
    }

    @Transactional
    public Page<DeadLetterView> deadLetters(PageRequest paging) {
        List<DeadLetterView> items = entityManager.createQuery("from Delivery where status = :dead order by createdAt, id",
                        Delivery.class).setParameter("dead", Delivery.Status.DEAD)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList().stream().map(DeadLetterView::of).toList();
        long total = entityManager.createQuery("select count(d) from Delivery d where d.status = :dead", Long.class)
                .setParameter("dead", Delivery.Status.DEAD).getSingleResult();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    /**
     * Puts a dead delivery back in line with fresh attempts. One that was ever attempted is looked up first where the
     * channel can, since its last attempt may have arrived after all; elsewhere the replay is the operator's decision.
     */
    @Transactional
    public DeadLetterView replay(UUID id) {
        Delivery d = entityManager.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw new ProblemException(NotificationError.DELIVERY_NOT_FOUND, id);
        }
        if (d.status != Delivery.Status.DEAD) {
            throw new ProblemException(NotificationError.DELIVERY_NOT_DEAD, id, d.status.name());
        }
        d.status = d.attempts > 0 && channel(d.channel).looksUp() ? Delivery.Status.SENDING : Delivery.Status.PENDING;
        d.attempts = 0;
        d.reason = "REPLAYED";
        d.nextAttemptAt = OffsetDateTime.now(clock);
        return DeadLetterView.of(d);
    }
}

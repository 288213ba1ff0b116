package cn.hkmo.notification.recipient;

import cn.hkmo.kit.identity.MobileNumber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The directory of who can be reached how: learnt from bookings and acceptances, and from the citizen's own settings. */
@ApplicationScoped
@Transactional
public class Recipients {

    private final EntityManager entityManager;
    private final Clock clock;

    public Recipients(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The mobile and client an event names for {@code subject}; what is missing or not a mobile changes nothing. */
    public void learn(String subject, String mobile, String originClient) {
        if (subject == null) {
            return;
        }
        Recipient r = findOrCreate(subject);
        MobileNumber.normalise(mobile).ifPresent(m -> r.mobile = m);
        if (originClient != null && !originClient.isBlank()) {
            r.originClient = originClient;
        }
        r.updatedAt = OffsetDateTime.now(clock);
    }

    /**
     * The citizen's own choice; the verified mobile of their token, if any, becomes the number texts go to. An Alipay
     * user id (given by the mini-program when the citizen subscribed there) starts platform messages; blank ends them.
     */
    public PreferencesView set(String subject, Optional<String> tokenMobile, boolean smsConsent, Optional<String> alipayUserId,
                               String originClient) {
        Recipient r = findOrCreate(subject);
        tokenMobile.flatMap(MobileNumber::normalise).ifPresent(m -> r.mobile = m);
        r.smsConsent = smsConsent;
        alipayUserId.ifPresent(id -> r.alipayUser = id.isBlank() ? null : id);
        if (originClient != null) {
            r.originClient = originClient;
        }
        r.updatedAt = OffsetDateTime.now(clock);
        return view(r);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PreferencesView get(String subject) {
        Recipient r = entityManager.find(Recipient.class, subject);
        return r == null ? new PreferencesView(true, null, false, null) : view(r);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Recipient> find(String subject) {
        return Optional.ofNullable(entityManager.find(Recipient.class, subject));
    }

    /** The clear mobile, for the provider call only; never log it unmasked. */
    public Optional<String> mobile(Recipient r) {
        return Optional.ofNullable(r.mobile);
    }

    /** The Alipay user id of the subscription, for the platform call only. */
    public Optional<String> alipayUser(Recipient r) {
        return Optional.ofNullable(r.alipayUser);
    }

    private PreferencesView view(Recipient r) {
        return new PreferencesView(r.smsConsent, mobile(r).map(MobileNumber::mask).orElse(null), r.alipayUser != null,
                r.originClient);
    }

    private Recipient findOrCreate(String subject) {
        Recipient r = entityManager.find(Recipient.class, subject, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            // Two consumers may learn of a new citizen at once: insert-if-absent, then lock what is there.
            entityManager.createNativeQuery("insert into recipient (subject, sms_consent, updated_at) values (?1, true, ?2) "
                    + "on conflict (subject) do nothing").setParameter(1, subject).setParameter(2, OffsetDateTime.now(clock))
                    .executeUpdate();
            r = entityManager.find(Recipient.class, subject, LockModeType.PESSIMISTIC_WRITE);
        }
        return r;
    }
}

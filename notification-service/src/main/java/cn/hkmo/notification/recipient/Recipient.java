package cn.hkmo.notification.recipient;

import cn.hkmo.kit.identity.Sealed;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** How a citizen can be reached, and what they agreed to. The mobile is sealed at rest. */
@Entity
@Table(name = "recipient")
public class Recipient {

    /** The citizen's subject. */
    @Id
    public String subject;

    /** The 11-digit mobile; null while none is known. */
    @Column(name = "mobile_sealed")
    @Convert(converter = Sealed.class)
    public String mobile;

    /** The client the citizen last came through ({@code alipay-partner}, {@code hkmo-miniprogram}, ...). */
    @Column(name = "origin_client")
    public String originClient;

    /** Text messages to the mobile: on unless the citizen turned them off. */
    @Column(name = "sms_consent", nullable = false)
    public boolean smsConsent = true;

    /** The Alipay user id the mini-program subscribed with; null: no subscription. */
    @Column(name = "alipay_user_sealed")
    @Convert(converter = Sealed.class)
    public String alipayUser;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

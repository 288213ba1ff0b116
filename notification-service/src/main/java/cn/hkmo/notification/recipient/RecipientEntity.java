package cn.hkmo.notification.recipient;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** How a citizen can be reached, and what they agreed to. The mobile is sealed at rest. */
@Entity
@Table(name = "recipient")
public class RecipientEntity {

    /** The citizen's subject. */
    @Id
    public String subject;

    /** {@code PersonalDataCipher} of the 11-digit mobile; null while none is known. */
    @Column(name = "mobile_sealed")
    public String mobileSealed;

    /** The client the citizen last came through ({@code alipay-partner}, {@code hkmo-miniprogram}, ...). */
    @Column(name = "origin_client")
    public String originClient;

    /** Text messages to the mobile: on unless the citizen turned them off. */
    @Column(name = "sms_consent", nullable = false)
    public boolean smsConsent = true;

    /** {@code PersonalDataCipher} of the Alipay user id the mini-program subscribed with; null: no subscription. */
    @Column(name = "alipay_user_sealed")
    public String alipayUserSealed;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}

package cn.hkmo.notification.recipient;

import cn.hkmo.kit.identity.SealedColumns;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The columns this service seals with its personal-data key, re-sealed by the kit's Reencryption after a rotation. */
@Singleton
public class PersonalDataAtRest {

    /** The citizen's mobile and Alipay user id. */
    @Produces
    @Singleton
    SealedColumns recipients() {
        return SealedColumns.of("recipient", "subject", "mobile_sealed", "alipay_user_sealed");
    }
}

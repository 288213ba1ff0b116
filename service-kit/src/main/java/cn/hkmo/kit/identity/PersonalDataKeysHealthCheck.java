package cn.hkmo.kit.identity;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says which personal-data keys are in use, without ever failing readiness (old keys are still read): after a
 * rotation, {@code rowsUnderOldKeys} from the last {@link Reencryption} pass, and {@code oldKeysRemovable} once it is
 * zero. Reads what the last pass counted; it queries nothing itself.
 */
@Readiness
@ApplicationScoped
public class PersonalDataKeysHealthCheck implements HealthCheck {

    private final PersonalDataCipher cipher;
    private final Reencryption reencryption;

    public PersonalDataKeysHealthCheck(PersonalDataCipher cipher, Reencryption reencryption) {
        this.cipher = cipher;
        this.reencryption = reencryption;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("personal-data keys").up()
                .withData("currentKeyId", cipher.currentKeyId())
                .withData("oldKeyIds", String.join(",", cipher.oldKeyIds()));
        if (cipher.oldKeyIds().isEmpty()) {
            return health.build();
        }
        reencryption.rowsUnderOldKeys().ifPresentOrElse(left -> {
            long total = left.values().stream().mapToLong(Long::longValue).sum();
            health.withData("rowsUnderOldKeys", total).withData("oldKeysRemovable", total == 0);
        }, () -> health.withData("oldKeysRemovable", false).withData("reencryption", "first pass not finished"));
        return health.build();
    }
}

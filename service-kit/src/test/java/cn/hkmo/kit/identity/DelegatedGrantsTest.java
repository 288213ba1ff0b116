package cn.hkmo.kit.identity;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class DelegatedGrantsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final AtomicBoolean keycloakSaysActive = new AtomicBoolean(true);
    private final List<String> asked = new ArrayList<>();
    private final DelegatedGrants grants = new DelegatedGrants(Duration.ofSeconds(10), raw -> {
        asked.add(raw);
        return CompletableFuture.completedFuture(keycloakSaysActive.get());
    }, ticker);

    @Test
    void aConfirmedGrantIsTrustedForTheRecheckIntervalThenAskedAgain() {
        assertThat(active("jti-1")).isTrue();
        keycloakSaysActive.set(false);                       // the citizen withdraws the consent
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(active("jti-1")).as("within the interval: no Keycloak call").isTrue();
        assertThat(asked).hasSize(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(active("jti-1")).as("after the interval Keycloak is asked again").isFalse();
        assertThat(asked).hasSize(2);
    }

    @Test
    void aRevokedGrantIsNotRememberedAsRevokedNorAsActive() {
        keycloakSaysActive.set(false);
        assertThat(active("jti-2")).isFalse();
        assertThat(active("jti-2")).isFalse();
        assertThat(asked).hasSize(2);
    }

    @Test
    void aGrantNobodyCanConfirmIsRefused() {
        DelegatedGrants unreachable = new DelegatedGrants(Duration.ofSeconds(10),
                raw -> CompletableFuture.failedFuture(new java.net.ConnectException("refused")), ticker);
        assertThat(unreachable.isActive("jti-3", "raw").toCompletableFuture().join()).isFalse();
    }

    private boolean active(String jti) {
        return grants.isActive(jti, "raw-" + jti).toCompletableFuture().join();
    }
}

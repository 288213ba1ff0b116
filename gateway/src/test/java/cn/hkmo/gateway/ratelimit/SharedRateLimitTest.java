package cn.hkmo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import cn.hkmo.gateway.FakeUpstreams;
import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.config.GatewayConfig.Limit;
import cn.hkmo.gateway.config.GatewayConfig.Store;
import cn.hkmo.gateway.ratelimit.RateLimiter.Key;
import cn.hkmo.platform.test.PlatformTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * Two limiters stand for two gateway replicas. With the PostgreSQL store they spend one budget; with the
 * local store each has its own. Same resources as GatewayTest, so Quarkus and the platform are not restarted.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
@QuarkusTestResource(FakeUpstreams.class)
class SharedRateLimitTest {

    private static final Limit TWO_A_MINUTE = TestLimits.perMinute(2);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;
    @Inject
    Vertx vertx;

    @Test
    void replicasSharingPostgresqlSpendOneBudget() {
        RateLimiter replicaA = new RateLimiter(limits(Store.POSTGRESQL), vertx, this::dataSource);
        RateLimiter replicaB = new RateLimiter(limits(Store.POSTGRESQL), vertx, this::dataSource);
        Key key = new Key("client:test-" + UUID.randomUUID(), TWO_A_MINUTE);

        assertThat(consume(replicaA, key)).isEmpty();
        assertThat(consume(replicaB, key)).isEmpty();
        assertThat(consume(replicaA, key)).hasValueSatisfying(wait -> assertThat(wait).isPositive()
                .isLessThanOrEqualTo(Duration.ofSeconds(30)));
        assertThat(consume(replicaB, key)).isPresent();
    }

    @Test
    void localReplicasEachEnforceTheLimitOnTheirOwnTraffic() {
        RateLimiter replicaA = new RateLimiter(limits(Store.LOCAL), vertx, () -> {
            throw new AssertionError("the local store needs no database");
        });
        RateLimiter replicaB = new RateLimiter(limits(Store.LOCAL), vertx, () -> {
            throw new AssertionError("the local store needs no database");
        });
        Key key = new Key("client:test-" + UUID.randomUUID(), TWO_A_MINUTE);

        for (int i = 0; i < 2; i++) {
            assertThat(consume(replicaA, key)).isEmpty();
            assertThat(consume(replicaB, key)).isEmpty();
        }
        assertThat(consume(replicaA, key)).isPresent();
        assertThat(consume(replicaB, key)).isPresent();
    }

    @Test
    void aBudgetChargedAfterTheFactIsOnlyLookedAtBeforehand() {
        RateLimiter limiter = new RateLimiter(limits(Store.LOCAL), vertx, () -> {
            throw new AssertionError("the local store needs no database");
        });
        Key key = new Key("refused-callbacks:ip:test-" + UUID.randomUUID(), TWO_A_MINUTE);

        for (int i = 0; i < 5; i++) {
            assertThat(join(limiter.waitFor(key))).as("looking takes nothing").isEmpty();
        }
        join(limiter.charge(key));
        assertThat(join(limiter.waitFor(key))).isEmpty();
        join(limiter.charge(key));
        assertThat(join(limiter.waitFor(key))).hasValueSatisfying(wait -> assertThat(wait).isPositive()
                .isLessThanOrEqualTo(Duration.ofSeconds(30)));
    }

    private static Optional<Duration> join(io.vertx.core.Future<Optional<Duration>> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    private static Optional<Duration> consume(RateLimiter limiter, Key key) {
        return limiter.tryConsume(List.of(key)).toCompletionStage().toCompletableFuture().join();
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    private static GatewayConfig.RateLimits limits(Store store) {
        return TestLimits.all(store, TWO_A_MINUTE);
    }
}

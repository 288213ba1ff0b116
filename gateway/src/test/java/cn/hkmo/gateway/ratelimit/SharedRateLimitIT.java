package cn.hkmo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import cn.hkmo.gateway.FakeUpstreams;
import cn.hkmo.gateway.config.GatewayConfig.Limit;
import cn.hkmo.gateway.config.GatewayConfig.Store;
import cn.hkmo.gateway.ratelimit.RateLimiter.Key;
import cn.hkmo.platform.Ports;
import cn.hkmo.platform.test.PlatformTestResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Two limiters stand for two gateway replicas. With the PostgreSQL store they spend one budget; with the
 * local store each has its own; without its database a replica limits on its own buckets and counts the failures.
 * Same resources as GatewayIT, so Quarkus and the platform are not restarted.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "database", value = "appointment"))
@QuarkusTestResource(FakeUpstreams.class)
class SharedRateLimitIT {

    private static final Limit TWO_A_MINUTE = TestLimits.perMinute(2);
    private static final Supplier<DataSource> NO_DATABASE = () -> {
        throw new AssertionError("the local store needs no database");
    };

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
        RateLimiter replicaA = limiter(Store.POSTGRESQL, () -> dataSource(jdbcUrl));
        RateLimiter replicaB = limiter(Store.POSTGRESQL, () -> dataSource(jdbcUrl));
        Key key = key("client");

        assertThat(consume(replicaA, key).quotas()).singleElement()
                .satisfies(quota -> assertThat(quota.remaining()).isEqualTo(1));
        Verdict second = consume(replicaB, key);
        assertThat(second.allowed()).isTrue();
        assertThat(second.quotas().get(0).remaining()).as("replica B sees what A spent").isZero();
        Verdict third = consume(replicaA, key);
        assertThat(third.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive()
                .isLessThanOrEqualTo(Duration.ofSeconds(30)));
        assertThat(third.quotas().get(0).untilFull()).isGreaterThan(third.retryAfter().get());
        assertThat(consume(replicaB, key).allowed()).isFalse();
    }

    @Test
    void localReplicasEachEnforceTheLimitOnTheirOwnTraffic() {
        RateLimiter replicaA = limiter(Store.LOCAL, NO_DATABASE);
        RateLimiter replicaB = limiter(Store.LOCAL, NO_DATABASE);
        Key key = key("client");

        for (int i = 0; i < 2; i++) {
            assertThat(consume(replicaA, key).allowed()).isTrue();
            assertThat(consume(replicaB, key).allowed()).isTrue();
        }
        assertThat(consume(replicaA, key).allowed()).isFalse();
        assertThat(consume(replicaB, key).allowed()).isFalse();
    }

    @Test
    void withoutItsDatabaseAReplicaLimitsOnItsOwnBucketsAndCountsTheFailures() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        String closedPort = "jdbc:postgresql://127.0.0.1:" + Ports.free() + "/appointment?connectTimeout=1";
        RateLimiter replica = new RateLimiter(TestLimits.all(Store.POSTGRESQL, TWO_A_MINUTE), vertx,
                () -> dataSource(closedPort), meters);
        Key key = key("citizen");

        assertThat(consume(replica, key).allowed()).as("not down with its database").isTrue();
        assertThat(consume(replica, key).allowed()).isTrue();
        assertThat(consume(replica, key).allowed()).as("nor unlimited").isFalse();
        assertThat(meters.get("hkmo.gateway.rate_limit.store.failures").counter().count())
                .as("the first check failed; the next ones leave the store alone for a while").isEqualTo(1);
    }

    @Test
    void aBudgetChargedAfterTheFactIsOnlyLookedAtBeforehand() {
        RateLimiter limiter = limiter(Store.LOCAL, NO_DATABASE);
        Key key = key("refused-callbacks");

        for (int i = 0; i < 5; i++) {
            assertThat(join(limiter.waitFor(key)).allowed()).as("looking takes nothing").isTrue();
        }
        join(limiter.charge(key));
        assertThat(join(limiter.waitFor(key)).quotas().get(0).remaining()).isEqualTo(1);
        join(limiter.charge(key));
        Verdict refused = join(limiter.waitFor(key));
        assertThat(refused.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isPositive()
                .isLessThanOrEqualTo(Duration.ofSeconds(30)));
        assertThat(refused.quotas().get(0).remaining()).isZero();
    }

    private RateLimiter limiter(Store store, Supplier<? extends DataSource> dataSource) {
        return new RateLimiter(TestLimits.all(store, TWO_A_MINUTE), vertx, dataSource, new SimpleMeterRegistry());
    }

    private static Key key(String policy) {
        return new Key(policy + ":test-" + UUID.randomUUID(), policy, TWO_A_MINUTE);
    }

    private static <T> T join(Future<T> future) {
        return future.toCompletionStage().toCompletableFuture().join();
    }

    private static Verdict consume(RateLimiter limiter, Key key) {
        return join(limiter.tryConsume(List.of(key)));
    }

    private PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }
}

package cn.hkmo.gateway.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Caffeine;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.config.GatewayConfig.Limit;
import cn.hkmo.gateway.config.GatewayConfig.Store;
import io.agroal.api.AgroalDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Token buckets (Bucket4j) per citizen, per client and per anonymous IP. Kept in this replica's memory by default, or
 * in PostgreSQL so that all replicas share one budget (docs/adr/0005-gateway-rate-limits.md). When the shared store
 * fails, this replica limits on its own buckets until it answers again, and says so in
 * {@code hkmo_gateway_rate_limit_store_failures_total} (docs/adr/0010-shared-rate-limit-store.md).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String TABLE = "gateway_rate_limit_bucket";
    // A bucket that refilled completely carries no information and can go.
    private static final ExpirationAfterWriteStrategy EXPIRY = ExpirationAfterWriteStrategy
            .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
    /**
     * After a failure the shared store is left alone this long: an unreachable database costs a request its connect
     * timeout, and every request paying it would be an outage of its own.
     */
    static final Duration RETRY_SHARED_AFTER = Duration.ofSeconds(5);

    /** One bucket to take a token from: the key names who is limited, the policy what kind of budget, the limit how much. */
    public record Key(String id, String policy, Limit limit) {
    }

    private final GatewayConfig.RateLimits config;
    private final Vertx vertx;
    private final ProxyManager<String> local;
    private final Optional<ProxyManager<String>> shared;
    private final Supplier<? extends DataSource> dataSource;
    private final Counter storeFailures;
    private final AtomicLong sharedAgainAt = new AtomicLong(System.nanoTime());
    private volatile boolean tablePrepared;

    @Inject
    RateLimiter(GatewayConfig gateway, Vertx vertx, Instance<AgroalDataSource> dataSource, MeterRegistry meters) {
        this(gateway.rateLimit(), vertx, dataSource::get, meters);
    }

    /** One replica's limiter; the data source is only asked for with {@code store=postgresql}. */
    public RateLimiter(GatewayConfig.RateLimits config, Vertx vertx, Supplier<? extends DataSource> dataSource,
            MeterRegistry meters) {
        this.config = config;
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.local = local(config.localMaxKeys());
        this.shared = config.store() == Store.POSTGRESQL ? Optional.of(postgres(dataSource.get())) : Optional.empty();
        this.storeFailures = Counter.builder("hkmo.gateway.rate_limit.store.failures")
                .description("Rate-limit checks the shared store failed; this replica's own buckets answered instead")
                .register(meters);
    }

    /** Opens the pool and the table before the first request needs them; deletes expired buckets once a minute. */
    void onStart(@Observes StartupEvent start) {
        shared.ifPresent(store -> {
            vertx.executeBlocking(() -> {
                prepareTable();
                return null;
            }, false).onFailure(failure -> LOG.warnf("Shared rate-limit store not ready at start: %s", causes(failure)));
            vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), id -> vertx.executeBlocking(() -> {
                if (tablePrepared && store instanceof PostgreSQLadvisoryLockBasedProxyManager<String> postgres) {
                    postgres.removeExpired(1000);
                }
                return null;
            }, false));
        });
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Takes one token from every bucket, in order, until one has none left. Buckets before the refusing one keep
     * their token spent, which errs towards limiting.
     */
    public Future<Verdict> tryConsume(List<Key> keys) {
        return run(buckets -> consume(buckets, keys));
    }

    /**
     * Looks at the bucket without taking a token, for budgets that are charged only after the fact ({@link #charge}),
     * once the outcome of the request is known.
     */
    public Future<Verdict> waitFor(Key key) {
        return run(buckets -> {
            EstimationProbe probe = bucket(buckets, key).estimateAbilityToConsume(1);
            Duration perToken = key.limit().period().dividedBy(key.limit().capacity());
            if (probe.canBeConsumed()) {
                Quota quota = new Quota(key.policy(), key.limit(), probe.getRemainingTokens(),
                        perToken.multipliedBy(key.limit().capacity() - probe.getRemainingTokens()));
                return new Verdict(List.of(quota), Optional.empty());
            }
            Duration untilNext = Duration.ofNanos(probe.getNanosToWaitForRefill());
            Quota quota = new Quota(key.policy(), key.limit(), 0,
                    untilNext.plus(perToken.multipliedBy(key.limit().capacity() - 1)));
            return new Verdict(List.of(quota), Optional.of(untilNext));
        });
    }

    /** Takes a token for something that already happened; a bucket already empty stays empty. */
    public Future<Void> charge(Key key) {
        return run(buckets -> {
            bucket(buckets, key).tryConsume(1);
            return null;
        });
    }

    private <T> Future<T> run(Function<ProxyManager<String>, T> work) {
        if (shared.isEmpty() || System.nanoTime() - sharedAgainAt.get() < 0) {
            return Future.succeededFuture(work.apply(local));
        }
        // JDBC blocks; ordered=false lets other requests' checks run in parallel.
        return vertx.executeBlocking(() -> {
            prepareTable();
            return work.apply(shared.get());
        }, false).recover(failure -> {
            // Neither unlimited nor down: this replica's own buckets hold the limit (once per replica) meanwhile.
            storeFailures.increment();
            sharedAgainAt.set(System.nanoTime() + RETRY_SHARED_AFTER.toNanos());
            LOG.warnf("Shared rate-limit store unavailable, limiting on this replica's buckets for %s: %s",
                    RETRY_SHARED_AFTER, causes(failure));
            return Future.succeededFuture(work.apply(local));
        });
    }

    /** The failure and what caused it, on one line: the JDBC driver's reason is usually the last. */
    private static String causes(Throwable failure) {
        StringBuilder line = new StringBuilder(failure.toString());
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            line.append(" <- ").append(cause);
        }
        return line.toString();
    }

    private static Verdict consume(ProxyManager<String> buckets, List<Key> keys) {
        List<Quota> quotas = new ArrayList<>(keys.size());
        for (Key key : keys) {
            ConsumptionProbe probe = bucket(buckets, key).tryConsumeAndReturnRemaining(1);
            quotas.add(new Quota(key.policy(), key.limit(), probe.getRemainingTokens(),
                    Duration.ofNanos(probe.getNanosToWaitForReset())));
            if (!probe.isConsumed()) {
                return new Verdict(quotas, Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill())));
            }
        }
        return new Verdict(quotas, Optional.empty());
    }

    private static BucketProxy bucket(ProxyManager<String> buckets, Key key) {
        return buckets.builder().build(key.id(), () -> configuration(key.limit()));
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }

    private static ProxyManager<String> local(long maxKeys) {
        // The cache's upkeep (a few entries a drain) runs on the caller's event loop: handed to the common pool, it
        // woke a pool thread for about every other request (2.5% of the gateway's CPU proxying a read).
        return Bucket4jCaffeine.<String> builderFor(Caffeine.newBuilder().maximumSize(maxKeys).executor(Runnable::run))
                .expirationAfterWrite(EXPIRY)
                .build();
    }

    private static ProxyManager<String> postgres(DataSource dataSource) {
        return Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(EXPIRY)
                .build();
    }

    /**
     * The gateway owns no schema migrations; one table, idempotent, is simpler than Flyway for it. Prepared on first
     * use rather than at start, so a gateway starting while the database is down starts, on its own buckets.
     */
    private void prepareTable() {
        if (tablePrepared) {
            return;
        }
        try (Connection connection = dataSource.get().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (id VARCHAR(200) PRIMARY KEY, state BYTEA, expires_at BIGINT, explicit_lock BIGINT)");
            tablePrepared = true;
            LOG.infof("Rate limits are shared across replicas through table %s", TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the shared rate-limit table " + TABLE, e);
        }
    }
}

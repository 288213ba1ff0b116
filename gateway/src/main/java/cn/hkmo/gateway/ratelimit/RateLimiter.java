package cn.hkmo.gateway.ratelimit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLadvisoryLockBasedProxyManager;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Token buckets (Bucket4j) per citizen, per client and per anonymous IP. Kept in this replica's memory
 * by default, or in PostgreSQL so that all replicas share one budget: docs/adr/0005-gateway-rate-limits.md.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String TABLE = "gateway_rate_limit_bucket";
    // A bucket that refilled completely carries no information and can go.
    private static final ExpirationAfterWriteStrategy EXPIRY = ExpirationAfterWriteStrategy
            .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));

    /** One bucket to take a token from: the key names who is limited, the limit how much. */
    public record Key(String id, Limit limit) {
    }

    private final GatewayConfig.RateLimits config;
    private final Vertx vertx;
    private final ProxyManager<String> buckets;
    private final boolean blocking;

    @Inject
    RateLimiter(GatewayConfig gateway, Vertx vertx, Instance<AgroalDataSource> dataSource) {
        this(gateway.rateLimit(), vertx, dataSource::get);
    }

    /** One replica's limiter; the data source is only asked for with {@code store=postgresql}. */
    public RateLimiter(GatewayConfig.RateLimits config, Vertx vertx, Supplier<? extends DataSource> dataSource) {
        this.config = config;
        this.vertx = vertx;
        this.blocking = config.store() == Store.POSTGRESQL;
        this.buckets = blocking ? postgres(dataSource.get()) : local(config.localMaxKeys());
    }

    void cleanUpExpired(@Observes StartupEvent start) {
        if (buckets instanceof PostgreSQLadvisoryLockBasedProxyManager<String> shared) {
            vertx.setPeriodic(Duration.ofMinutes(1).toMillis(),
                    id -> vertx.executeBlocking(() -> shared.removeExpired(1000), false));
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Takes one token from every bucket; empty when allowed, otherwise how long until the emptiest bucket
     * has a token again. Buckets before the refusing one keep their token spent, which errs towards limiting.
     */
    public Future<Optional<Duration>> tryConsume(List<Key> keys) {
        return run(() -> consume(keys));
    }

    /**
     * How long until the bucket has a token, without taking one; empty when it has one now. For budgets that are
     * charged only after the fact ({@link #charge}), once the outcome of the request is known.
     */
    public Future<Optional<Duration>> waitFor(Key key) {
        return run(() -> {
            EstimationProbe probe = bucket(key).estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
        });
    }

    /** Takes a token for something that already happened; a bucket already empty stays empty. */
    public Future<Optional<Duration>> charge(Key key) {
        return run(() -> {
            bucket(key).tryConsume(1);
            return Optional.empty();
        });
    }

    private Future<Optional<Duration>> run(Supplier<Optional<Duration>> work) {
        if (!blocking) {
            return Future.succeededFuture(work.get());
        }
        // JDBC blocks; ordered=false lets other requests' checks run in parallel.
        return vertx.executeBlocking(work::get, false).recover(failure -> {
            // Fail open: an unreachable limit store must not take the whole public API down with it.
            LOG.warnf("Rate-limit store unavailable, request allowed: %s", failure.toString());
            return Future.succeededFuture(Optional.empty());
        });
    }

    private Optional<Duration> consume(List<Key> keys) {
        for (Key key : keys) {
            ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                return Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
        return Optional.empty();
    }

    private BucketProxy bucket(Key key) {
        return buckets.builder().build(key.id(), () -> configuration(key.limit()));
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }

    private static ProxyManager<String> local(long maxKeys) {
        return Bucket4jCaffeine.<String> builderFor(Caffeine.newBuilder().maximumSize(maxKeys))
                .expirationAfterWrite(EXPIRY)
                .build();
    }

    private static ProxyManager<String> postgres(DataSource dataSource) {
        createTable(dataSource);
        return Bucket4jPostgreSQL.advisoryLockBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .expirationAfterWrite(EXPIRY)
                .build();
    }

    // The gateway owns no schema migrations; one table, idempotent, is simpler than Flyway for it.
    private static void createTable(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (id VARCHAR(200) PRIMARY KEY, state BYTEA, expires_at BIGINT, explicit_lock BIGINT)");
            LOG.infof("Rate limits are shared across replicas through table %s", TABLE);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the shared rate-limit table " + TABLE, e);
        }
    }
}

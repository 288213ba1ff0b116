package cn.hkmo.gateway.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything the edge decides: the route table, who may pass anonymously, limits. */
@ConfigMapping(prefix = "hkmo.gateway")
public interface GatewayConfig {

    /** Upstream services by name (appointment, eligibility, fee, issuance, notification). */
    Map<String, Upstream> services();

    Access access();

    RateLimits rateLimit();

    /** Largest request body forwarded upstream; larger ones get 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /**
     * Largest body of a request anyone may send without a token (the payment platform's signed callbacks): refused
     * at the edge, so an attacker's large post never reaches a service (a genuine notify is 1-3 KB; fee-service keeps
     * its own, equal limit behind this one).
     */
    @WithDefault("16K")
    MemorySize maxUnauthenticatedBodySize();

    /**
     * Longest request line ({@code GET /api/v1/halls?city=110000 HTTP/1.1}) served; longer ones get 414.
     * {@code quarkus.http.limits.max-initial-line-length} must stay above it (see {@code RequestHeadLimits}).
     */
    @WithDefault("4K")
    MemorySize maxRequestLineSize();

    /**
     * Largest sum of the request's header lines ({@code Name: value}) served; larger ones get 431.
     * {@code quarkus.http.limits.max-header-size} must stay above it (see {@code RequestHeadLimits}).
     */
    @WithDefault("20K")
    MemorySize maxHeaderSize();

    OpenApi openapi();

    Delegation delegation();

    AccessLog accessLog();

    /** The edge's record of every request (logging.AccessLog; ADR 0017). */
    interface AccessLog {
        @WithDefault("true")
        boolean enabled();

        /** One JSON object per line, as the console logs in production; otherwise the console's text pattern. */
        @WithDefault("false")
        boolean json();

        /** How long a line may wait before its batch is written. */
        @WithDefault("200ms")
        Duration flushInterval();

        /** Lines that may wait; beyond it a line is dropped and counted ({@code hkmo.gateway.access.log.dropped}). */
        @WithDefault("100000")
        int capacity();

        /** A file to append to instead of stdout. */
        Optional<Path> file();
    }

    interface Upstream {
        /** Base URL; the request path is forwarded unchanged. */
        URI url();

        /** Base URL of the service's management interface, where its readiness is asked. */
        URI managementUrl();

        /** Path prefixes this service owns, e.g. {@code /api/v1/halls}. */
        List<String> paths();

        /** Longest wait for the first bytes of the response before answering 504. */
        @WithDefault("10s")
        Duration timeout();

        @WithDefault("2s")
        Duration connectTimeout();
    }

    interface Access {
        /** Prefixes anyone may read (GET, HEAD) without a token; a token, if sent, must still be valid. */
        List<String> publicReads();

        /**
         * Prefixes anyone may POST to without a token because the POST only asks a question and changes nothing
         * (an eligibility assessment, a fee quote: the request is too rich for a query string).
         */
        List<String> publicQueries();

        /**
         * Prefixes that never carry a bearer token and are authenticated by the service itself
         * (payment platform callbacks signed with the platform's key).
         */
        List<String> unauthenticated();

        /** Early 403: a token must hold one of the roles for these prefixes (the services check again). */
        Map<String, RoleRule> roles();
    }

    interface RoleRule {
        List<String> paths();

        List<String> anyOf();
    }

    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** {@code local}: buckets per replica (default); {@code postgresql}: one bucket across replicas. */
        @WithDefault("local")
        Store store();

        /** Per citizen (token {@code sub} of a token with role {@code citizen}). */
        Limit citizen();

        /**
         * Per subject of every other token (staff, service accounts: {@code sub}), so that one officer or one
         * integration cannot spend its client's budget for everyone on that client.
         */
        Limit subject();

        /** Per client application (token {@code azp}). */
        Limit client();

        /** Per client IP address, for requests without a token or with one the edge refuses. */
        Limit anonymous();

        /**
         * Per source address, on the routes the services authenticate themselves (payment callbacks): each
         * callback the service refuses (a 4xx) takes a token, and an address with none left gets 429 before
         * reaching the service. Callbacks the service accepts take nothing, so the platform's own volume is never
         * limited by it.
         */
        Limit refusedCallbacks();

        /** Per-client overrides of {@link #client()}, keyed by client id (e.g. a partner with a contract). */
        Map<String, Limit> clients();

        /** Upper bound of buckets kept in memory by the local store. */
        @WithDefault("100000")
        long localMaxKeys();
    }

    enum Store {
        LOCAL, POSTGRESQL
    }

    interface Limit {
        long capacity();

        Duration period();
    }

    /** Partner platforms acting for a citizen who authorised them (docs/partners.md). */
    interface Delegation {
        /** Client ids of partner platforms whose citizen grants are re-checked at the edge. */
        @WithDefault("alipay-partner")
        List<String> partnerClients();

        /** How long a confirmed grant is trusted before Keycloak is asked again; the revocation delay at most. */
        @WithDefault("10s")
        Duration recheckAfter();

        /** The suite's resource client, which Keycloak lets introspect the tokens minted for it. */
        @WithDefault("hkmo-api")
        String introspectionClientId();

        String introspectionClientSecret();

        @WithDefault("3s")
        Duration timeout();
    }

    interface OpenApi {
        /** How long a fetched service document is reused. */
        @WithDefault("30s")
        Duration cacheTtl();

        @WithDefault("3s")
        Duration fetchTimeout();

        /** OpenID Connect discovery URL advertised as the single security scheme. */
        Optional<String> openIdConnectUrl();
    }
}

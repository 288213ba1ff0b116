package cn.hkmo.gateway.security;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.config.PathPrefix;
import io.vertx.core.http.HttpMethod;

/** What the edge requires of a request before it may reach a service. */
@ApplicationScoped
public class AccessPolicy {

    public enum Access {
        /** Authenticated by the service itself (signed callbacks); a bearer token is neither needed nor checked. */
        SERVICE_AUTHENTICATED,
        /** Anyone may read; a token, if present, must be valid. */
        TOKEN_OPTIONAL,
        TOKEN_REQUIRED
    }

    private final GatewayConfig.Access config;

    AccessPolicy(GatewayConfig config) {
        this.config = config.access();
    }

    public Access of(HttpMethod method, String path) {
        if (matchesAny(path, config.unauthenticated())) {
            return Access.SERVICE_AUTHENTICATED;
        }
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        boolean query = method == HttpMethod.POST && matchesAny(path, config.publicQueries());
        return (read && matchesAny(path, config.publicReads())) || query ? Access.TOKEN_OPTIONAL : Access.TOKEN_REQUIRED;
    }

    /** The roles of which a caller must hold one, if a rule covers the path. */
    public Optional<List<String>> requiredRoles(String path) {
        return config.roles().values().stream()
                .filter(rule -> matchesAny(path, rule.paths()))
                .map(GatewayConfig.RoleRule::anyOf)
                .findFirst();
    }

    private static boolean matchesAny(String path, List<String> prefixes) {
        return prefixes.stream().anyMatch(prefix -> PathPrefix.matches(path, prefix));
    }
}

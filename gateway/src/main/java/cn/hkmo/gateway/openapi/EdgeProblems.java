package cn.hkmo.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hkmo.gateway.problem.GatewayError;
import cn.hkmo.gateway.problem.Problems;
import cn.hkmo.gateway.security.AccessPolicy;
import cn.hkmo.gateway.security.AccessPolicy.Access;
import io.vertx.core.http.HttpMethod;

/**
 * The problems the gateway itself answers for an operation, before or instead of its service, as the merged document
 * declares them: the token check at the edge (by the path's access: a bad token even on public reads, none where the
 * path is a signed callback), the role rules, the request's size limits, the rate limits and an unreachable service.
 */
@ApplicationScoped
public class EdgeProblems {

    private final AccessPolicy access;

    EdgeProblems(AccessPolicy access) {
        this.access = access;
    }

    public List<OpenApiMerger.EdgeProblem> of(String method, String path) {
        HttpMethod httpMethod = HttpMethod.valueOf(method.toUpperCase(Locale.ROOT));
        Access required = access.of(httpMethod, path);
        List<GatewayError> errors = new ArrayList<>();
        if (required == Access.TOKEN_REQUIRED) {
            errors.add(GatewayError.UNAUTHENTICATED);
        }
        if (required != Access.SERVICE_AUTHENTICATED) {
            errors.add(GatewayError.INVALID_TOKEN);
            errors.add(GatewayError.DELEGATION_REVOKED);
        }
        if (required == Access.TOKEN_REQUIRED && access.requiredRoles(path).isPresent()) {
            errors.add(GatewayError.FORBIDDEN);
        }
        if (httpMethod == HttpMethod.POST || httpMethod == HttpMethod.PUT || httpMethod == HttpMethod.PATCH) {
            errors.add(GatewayError.PAYLOAD_TOO_LARGE);
        }
        errors.addAll(List.of(GatewayError.URI_TOO_LONG, GatewayError.HEADERS_TOO_LARGE, GatewayError.RATE_LIMITED,
                GatewayError.UPSTREAM_ERROR, GatewayError.UPSTREAM_UNAVAILABLE, GatewayError.UPSTREAM_TIMEOUT));
        return errors.stream()
                .map(e -> new OpenApiMerger.EdgeProblem(e.name(), e.status(), Problems.title(e, Locale.ENGLISH)))
                .toList();
    }
}

package cn.hkmo.gateway.security;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who sent the request, as far as the edge needs to know: for role checks and rate-limit keys. */
public record Caller(Optional<JsonWebToken> token, Set<String> roles) {

    public static final Caller ANONYMOUS = new Caller(Optional.empty(), Set.of());

    /** The client application ({@code azp}), present for every token. */
    public Optional<String> clientId() {
        return token.map(jwt -> jwt.<String> getClaim("azp"));
    }

    /** The token's subject ({@code sub}): a user or a client's service account. */
    public Optional<String> subject() {
        return token.map(JsonWebToken::getSubject);
    }

    /** The citizen's subject, only for tokens that act for a citizen. */
    public Optional<String> citizen() {
        return roles.contains("citizen") ? token.map(JsonWebToken::getSubject) : Optional.empty();
    }
}

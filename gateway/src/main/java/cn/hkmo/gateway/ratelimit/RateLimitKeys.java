package cn.hkmo.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.ratelimit.RateLimiter.Key;
import cn.hkmo.gateway.security.Caller;

/** Which buckets a request takes from (docs/adr/0005-gateway-rate-limits.md). */
public final class RateLimitKeys {

    private final GatewayConfig.RateLimits limits;

    public RateLimitKeys(GatewayConfig.RateLimits limits) {
        this.limits = limits;
    }

    /**
     * A request with a valid token: its subject's budget (citizen or not) and its client's. A request without one, or
     * whose token the edge refused, only has its source address to be known by: keying it by claims nobody vouched
     * for would let an attacker spend a victim's budget.
     */
    public List<Key> of(Optional<Caller> validated, String address) {
        Optional<String> subject = validated.flatMap(Caller::subject);
        if (subject.isEmpty()) {
            return List.of(new Key("ip:" + address, "anonymous", limits.anonymous()));
        }
        Caller caller = validated.get();
        List<Key> keys = new ArrayList<>(2);
        keys.add(caller.citizen().isPresent()
                ? new Key("subject:" + subject.get(), "citizen", limits.citizen())
                : new Key("subject:" + subject.get(), "subject", limits.subject()));
        caller.clientId().ifPresent(client -> keys.add(
                new Key("client:" + client, "client", limits.clients().getOrDefault(client, limits.client()))));
        return keys;
    }

    /** Payment callbacks the service refused, per source address. */
    public Key refusedCallbacks(String address) {
        return new Key("refused-callbacks:ip:" + address, "refused-callbacks", limits.refusedCallbacks());
    }
}

package cn.hkmo.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import cn.hkmo.gateway.config.GatewayConfig.Limit;
import cn.hkmo.gateway.config.GatewayConfig.Store;
import cn.hkmo.gateway.ratelimit.RateLimiter.Key;
import cn.hkmo.gateway.security.Caller;

class RateLimitKeysTest {

    private static final Limit CITIZEN = TestLimits.perMinute(60);
    private static final Limit SUBJECT = TestLimits.perMinute(300);
    private static final Limit CLIENT = TestLimits.perMinute(3000);
    private static final Limit ANONYMOUS = TestLimits.perMinute(120);
    private static final Limit PARTNER = TestLimits.perMinute(30);

    private final RateLimitKeys keys = new RateLimitKeys(new TestLimits(Store.LOCAL, CITIZEN, SUBJECT, CLIENT, ANONYMOUS,
            TestLimits.perMinute(3), Map.of("alipay-partner", PARTNER)));

    @Test
    void aRequestWithoutAValidTokenSpendsItsAddressBudget() {
        assertThat(keys.of(Optional.empty(), "203.0.113.7")).containsExactly(new Key("ip:203.0.113.7", "anonymous", ANONYMOUS));
        assertThat(keys.of(Optional.of(Caller.ANONYMOUS), "203.0.113.7")).containsExactly(new Key("ip:203.0.113.7", "anonymous", ANONYMOUS));
    }

    @Test
    void anOfficerHasABudgetOfTheirOwnBesideTheClientsBudget() {
        Caller officer = new Caller(Optional.of(token("officer-1", "hkmo-h5")), Set.of("officer"));
        assertThat(keys.of(Optional.of(officer), "10.0.0.1"))
                .containsExactly(new Key("subject:officer-1", "subject", SUBJECT), new Key("client:hkmo-h5", "client", CLIENT));
    }

    @Test
    void aCitizenHasTheCitizenBudgetAndAPartnerItsContractualClientBudget() {
        Caller citizen = new Caller(Optional.of(token("citizen-1", "alipay-partner")), Set.of("citizen"));
        assertThat(keys.of(Optional.of(citizen), "10.0.0.1"))
                .containsExactly(new Key("subject:citizen-1", "citizen", CITIZEN),
                        new Key("client:alipay-partner", "client", PARTNER));
    }

    @Test
    void refusedCallbacksAreCountedPerAddress() {
        assertThat(keys.refusedCallbacks("198.51.100.1").id()).isEqualTo("refused-callbacks:ip:198.51.100.1");
    }

    private static JsonWebToken token(String sub, String azp) {
        Map<String, Object> claims = Map.of("sub", sub, "azp", azp);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return sub;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}

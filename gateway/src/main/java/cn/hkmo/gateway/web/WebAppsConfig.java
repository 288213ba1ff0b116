package cn.hkmo.gateway.web;

import java.net.URI;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** The web front-ends the gateway serves from the {@code web} module's jar (docs/adr/0008-web-front-ends.md). */
@ConfigMapping(prefix = "hkmo.web")
public interface WebAppsConfig {

    /**
     * The realm as the browser reaches it: the apps log in there and the content security policy lets them call
     * it. In the cluster Keycloak is behind the same public origin, so this differs from the gateway's own
     * (in-cluster) {@code quarkus.oidc.auth-server-url}.
     */
    URI oidcAuthority();

    /** App path (the folder under {@code META-INF/resources}) to the realm's public client it logs in with. */
    Map<String, String> clients();
}

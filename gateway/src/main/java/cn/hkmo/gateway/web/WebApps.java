package cn.hkmo.gateway.web;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * The citizen H5 and the officer console, served at the gateway's origin ({@code /h5/}, {@code /console/}): their
 * built files come from the {@code web} jar's {@code META-INF/resources} (Quarkus serves those itself); this adds
 * what the browser needs around them: the content security policy and each app's runtime settings
 * ({@code <app>/config.json}: where to log in, with which client), so one build runs in every environment.
 */
@ApplicationScoped
public class WebApps {

    private final WebAppsConfig config;
    private final String contentSecurityPolicy;

    WebApps(WebAppsConfig config) {
        this.config = config;
        this.contentSecurityPolicy = contentSecurityPolicy(config.oidcAuthority().resolve("/").toString());
    }

    /**
     * No inline or foreign script; API calls to this origin and token calls to the realm only. Styles allow inline
     * attributes because Vant and Element Plus position popups with them. Nobody may frame the pages (clickjacking).
     */
    static String contentSecurityPolicy(String realmOrigin) {
        String realm = realmOrigin.endsWith("/") ? realmOrigin.substring(0, realmOrigin.length() - 1) : realmOrigin;
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self' " + realm + "; frame-src 'none'; frame-ancestors 'none'; "
                + "base-uri 'self'; form-action 'self' " + realm + "; object-src 'none'";
    }

    void headers(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (appOf(path) != null) {
                rc.response().putHeader("Content-Security-Policy", contentSecurityPolicy)
                        .putHeader("X-Content-Type-Options", "nosniff")
                        .putHeader("Referrer-Policy", "no-referrer");
                if (!path.contains("/assets/")) {
                    // The page names this release's hashed assets: browsers must ask again for it, or a new
                    // release reaches them only when the static handler's day-long cache runs out. The hashed
                    // assets themselves keep that cache.
                    rc.addHeadersEndHandler(v -> rc.response().headers().set("Cache-Control", "no-cache"));
                }
            }
            rc.next();
        }, 50);
    }

    void install(@Observes Router router) {
        router.get("/:app/config.json").handler(rc -> {
            String client = config.clients().get(rc.pathParam("app"));
            if (client == null) {
                rc.next();
                return;
            }
            rc.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                    .end(new JsonObject(Map.of("authority", config.oidcAuthority().toString(), "clientId", client))
                            .encode());
        });
    }

    private String appOf(String path) {
        if (path == null) {
            return null;
        }
        for (String app : config.clients().keySet()) {
            if (path.equals("/" + app) || path.startsWith("/" + app + "/")) {
                return app;
            }
        }
        return null;
    }
}

package cn.hkmo.gateway.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hkmo.gateway.config.GatewayConfig;
import cn.hkmo.gateway.config.GatewayConfig.Upstream;
import cn.hkmo.gateway.config.PathPrefix;

/** Which service owns a path: the longest configured prefix wins. */
@ApplicationScoped
public class RouteTable {

    public record Route(String service, String prefix, Upstream upstream) {
    }

    private final List<Route> routes = new ArrayList<>();

    RouteTable(GatewayConfig config) {
        config.services().forEach((service, upstream) -> upstream.paths()
                .forEach(prefix -> routes.add(new Route(service, prefix, upstream))));
        routes.sort(Comparator.comparingInt((Route route) -> route.prefix().length()).reversed());
    }

    public Optional<Route> resolve(String path) {
        return routes.stream().filter(route -> PathPrefix.matches(path, route.prefix())).findFirst();
    }
}

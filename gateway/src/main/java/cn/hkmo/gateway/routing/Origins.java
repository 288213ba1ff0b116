package cn.hkmo.gateway.routing;

import java.net.URI;

import io.vertx.core.http.RequestOptions;

/** Request options addressed to a configured service base URL. */
public final class Origins {

    private Origins() {
    }

    public static RequestOptions to(URI url) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        return new RequestOptions()
                .setHost(url.getHost())
                .setPort(url.getPort() > 0 ? url.getPort() : tls ? 443 : 80)
                .setSsl(tls);
    }
}

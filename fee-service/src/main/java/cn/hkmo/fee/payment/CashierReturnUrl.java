package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.problem.ProblemException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * Where the payment platform's mobile-web cashier may send the citizen back: an http(s) address on one of our own H5
 * origins. Anything else would let a crafted request turn the cashier into a redirect to a foreign site.
 */
final class CashierReturnUrl {

    private CashierReturnUrl() {
    }

    /** The URL as given, when allowed; otherwise 400 {@code RETURN_URL_NOT_ALLOWED}. */
    static String require(String url, List<String> allowedOrigins) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused();
        }
        // The platform appends its return parameters to the query: a fragment would swallow them.
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null || uri.getHost() == null) {
            throw refused();
        }
        String origin = origin(uri);
        if (origin == null || allowedOrigins.stream().map(o -> origin(URI.create(o.trim()))).noneMatch(origin::equals)) {
            throw refused();
        }
        return url;
    }

    /** {@code scheme://host[:port]}, lower case, default ports left out; null for anything but http(s). */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> 0;
        };
        if (defaultPort == 0 || uri.getHost() == null) {
            return null;
        }
        int port = uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 || port == defaultPort ? "" : ":" + port);
    }

    private static ProblemException refused() {
        return new ProblemException(FeeError.RETURN_URL_NOT_ALLOWED);
    }
}

package cn.hkmo.gateway.config;

/** Prefix matching on whole path segments: {@code /api/v1/fees} matches {@code /api/v1/fees/quotes}, not {@code /api/v1/feesx}. */
public final class PathPrefix {

    private PathPrefix() {
    }

    public static boolean matches(String path, String prefix) {
        String bare = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(bare) || path.startsWith(bare + "/");
    }
}

package cn.hkmo.notification.simulator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Alibaba Cloud's V3 request signature (ACS3-HMAC-SHA256) as the provider checks it: the canonical request (method,
 * path, sorted query, the signed headers, the payload's SHA-256), hashed, then HMAC-SHA256 with the AccessKey secret.
 * Written from the provider's side, independently of the SDK, so a test of the SDK against it means something.
 */
public final class AcsSignature {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    private static final Pattern AUTHORIZATION = Pattern.compile(
            ALGORITHM + " Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]+)");

    private AcsSignature() {
    }

    /** The parts of an {@code Authorization} header; empty when it is not an ACS3 one. */
    public record Authorization(String accessKeyId, String signedHeaders, String signature) {
        public static Optional<Authorization> parse(String header) {
            Matcher m = header == null ? null : AUTHORIZATION.matcher(header.trim());
            return m != null && m.matches() ? Optional.of(new Authorization(m.group(1), m.group(2), m.group(3))) : Optional.empty();
        }
    }

    /**
     * @param headers lower-case names; must hold every signed header
     */
    public static String sign(String secret, String method, String path, Map<String, String> query, Map<String, String> headers,
                              String signedHeaders, String payloadSha256) {
        String canonicalQuery = new TreeMap<>(query).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue() == null ? "" : e.getValue()))
                .collect(Collectors.joining("&"));
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders.split(";")) {
            canonicalHeaders.append(name).append(':').append(headers.getOrDefault(name, "").trim()).append('\n');
        }
        String canonicalRequest = method + "\n" + path + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + signedHeaders + "\n" + payloadSha256;
        String stringToSign = ALGORITHM + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 3986 percent-encoding, as the provider canonicalises the query. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}

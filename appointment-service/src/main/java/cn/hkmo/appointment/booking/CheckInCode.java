package cn.hkmo.appointment.booking;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The QR payload a citizen shows at the hall: {@code HKMO1:<booking>:<hall>:<date>:<signature>}, the
 * signature being HMAC-SHA256 over booking, hall and date with a server-side key (first 128 bits,
 * base64url). A forged or altered code fails verification; a rescheduled booking gets a new code,
 * so an old screenshot stops working.
 */
public final class CheckInCode {

    private static final String VERSION = "HKMO1";
    private static final int SIGNATURE_BYTES = 16;

    private final SecretKeySpec key;

    public CheckInCode(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("the check-in signing key has at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** What a valid code says. */
    public record Claims(String bookingNo, String hallId, LocalDate date) {
    }

    public String issue(String bookingNo, String hallId, LocalDate date) {
        return String.join(":", VERSION, bookingNo, hallId, date.toString(), sign(bookingNo, hallId, date));
    }

    /** The claims of an authentic code; empty for anything malformed, forged or altered. */
    public Optional<Claims> verify(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] parts = payload.trim().split(":");
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parts[3]);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        byte[] expected = sign(parts[1], parts[2], date).getBytes(StandardCharsets.US_ASCII);
        // Constant-time comparison: the time taken must not tell a forger how many bytes were right.
        if (!MessageDigest.isEqual(expected, parts[4].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new Claims(parts[1], parts[2], date));
    }

    private String sign(String bookingNo, String hallId, LocalDate date) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((bookingNo + "|" + hallId + "|" + date).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, SIGNATURE_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

package cn.hkmo.kit.identity;

import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Encrypts personal data for storage (AES-256-GCM, random 96-bit IV) as {@code <keyId>:<base64(iv || ciphertext)>},
 * so old values stay readable after the current key changes; and derives keyed lookup hashes
 * (HMAC-SHA256, hex) to find a row by resident ID without storing the number in clear.
 */
@ApplicationScoped
public class PersonalDataCipher {

    private static final int IV_BYTES = 12;
    private static final Pattern SEALED = Pattern.compile("[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+");
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final SecretKey lookupKey;

    public PersonalDataCipher(PersonalDataConfig config) {
        config.keys().forEach((id, base64) -> keys.put(id, aesKey(id, base64)));
        if (!keys.containsKey(config.currentKeyId())) {
            throw new IllegalStateException("hkmo.personal-data.keys has no key " + config.currentKeyId());
        }
        this.currentKeyId = config.currentKeyId();
        byte[] lookup = Base64.getDecoder().decode(config.lookupKey());
        if (lookup.length < 32) {
            throw new IllegalStateException("hkmo.personal-data.lookup-key must be at least 32 bytes");
        }
        this.lookupKey = new SecretKeySpec(lookup, "HmacSHA256");
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalStateException("hkmo.personal-data.keys." + id + " must be 32 bytes (AES-256)");
        }
        if (id.contains(":")) {
            throw new IllegalStateException("key id " + id + " must not contain ':'");
        }
        return new SecretKeySpec(key, "AES");
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    /** Decrypts a value from {@link #encrypt}, with whichever configured key it names. */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        int separator = stored.indexOf(':');
        if (separator < 0) {
            throw new IllegalArgumentException("not an encrypted value (no key id)");
        }
        String keyId = stored.substring(0, separator);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("personal data encrypted with unknown key " + keyId);
        }
        byte[] bytes = Base64.getDecoder().decode(stored.substring(separator + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data cannot be decrypted (tampered or wrong key)", e);
        }
    }

    /**
     * {@link #decrypt} for a sealed value; anything else (a value stored before it was sealed, e.g. plain JSON) as it
     * is. Sealed values ({@code <key id>:<base64>}) are never valid JSON.
     */
    public String decryptIfSealed(String stored) {
        return stored == null || !SEALED.matcher(stored).matches() ? stored : decrypt(stored);
    }

    /** True if the value is not under the current key and should be re-encrypted when next written. */
    public boolean needsReencryption(String stored) {
        return stored != null && !stored.startsWith(currentKeyId + ":");
    }

    /** The key new values are sealed with. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The other configured keys: values sealed with them are still read, and {@link Reencryption} re-seals them. */
    public Set<String> oldKeyIds() {
        Set<String> old = new TreeSet<>(keys.keySet());
        old.remove(currentKeyId);
        return old;
    }

    /**
     * The value sealed with the current key: one sealed with an old configured key is opened and sealed again;
     * anything else (current key, unknown key, a value stored before the seal, null) is returned as it is.
     */
    public String reseal(String stored) {
        if (stored == null || !SEALED.matcher(stored).matches()) {
            return stored;
        }
        String keyId = stored.substring(0, stored.indexOf(':'));
        return keyId.equals(currentKeyId) || !keys.containsKey(keyId) ? stored : encrypt(decrypt(stored));
    }

    /** Deterministic keyed hash (hex) for equality lookups; normalise the input first (e.g. {@code ResidentId.value()}). */
    public String lookupHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash personal data", e);
        }
    }
}

package cn.hkmo.kit.identity;

import io.smallrye.config.ConfigMapping;

import java.util.Map;

/**
 * Keys for personal data at rest. Dev and test have fixed keys in the kit's defaults; production has
 * none, so a service without its Secret ({@code HKMO_PERSONAL_DATA_*}) refuses to start.
 */
@ConfigMapping(prefix = "hkmo.personal-data")
public interface PersonalDataConfig {

    /** Id of the key new values are encrypted with; older ids stay listed until their data is re-encrypted. */
    String currentKeyId();

    /** AES-256 keys by id, base64 (32 bytes). */
    Map<String, String> keys();

    /** HMAC-SHA256 key for lookup hashes, base64 (at least 32 bytes); rotating it means rehashing. */
    String lookupKey();
}

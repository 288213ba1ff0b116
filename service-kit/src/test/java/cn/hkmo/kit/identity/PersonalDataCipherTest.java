package cn.hkmo.kit.identity;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    private static final String KEY_2025 = key('a');
    private static final String KEY_2026 = key('b');
    private static final String LOOKUP = key('c');

    @Test
    void encryptsWithARandomIvAndDecryptsBack() {
        PersonalDataCipher cipher = cipher("k2025", Map.of("k2025", KEY_2025), LOOKUP);

        String first = cipher.encrypt("110105199003071239");
        String second = cipher.encrypt("110105199003071239");

        assertThat(first).startsWith("k2025:").doesNotContain("110105199003071239").isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("110105199003071239");
        assertThat(cipher.decrypt(second)).isEqualTo("110105199003071239");
    }

    @Test
    void opensSealedValuesAndLeavesValuesStoredBeforeTheSealAsTheyAre() {
        PersonalDataCipher cipher = cipher("k2025", Map.of("k2025", KEY_2025), LOOKUP);
        String json = "{\"name\":\"李娜\",\"at\":\"2026-11-21T10:00:00+08:00\"}";

        assertThat(cipher.decryptIfSealed(cipher.encrypt(json))).isEqualTo(json);
        for (String plain : new String[] {json, "[1,2]", "\"a:b\"", "null", "42", "true"}) {
            assertThat(cipher.decryptIfSealed(plain)).isEqualTo(plain);
        }
        assertThat(cipher.decryptIfSealed(null)).isNull();
    }

    @Test
    void readsValuesOfTheOldKeyAfterRotationAndWritesWithTheNewOne() {
        String stored = cipher("k2025", Map.of("k2025", KEY_2025), LOOKUP).encrypt("李娜");
        PersonalDataCipher rotated = cipher("k2026", Map.of("k2025", KEY_2025, "k2026", KEY_2026), LOOKUP);

        assertThat(rotated.decrypt(stored)).isEqualTo("李娜");
        assertThat(rotated.needsReencryption(stored)).isTrue();
        String reencrypted = rotated.encrypt(rotated.decrypt(stored));
        assertThat(reencrypted).startsWith("k2026:");
        assertThat(rotated.needsReencryption(reencrypted)).isFalse();
    }

    @Test
    void resealsOnlyValuesOfAnOldConfiguredKey() {
        String under2025 = cipher("k2025", Map.of("k2025", KEY_2025), LOOKUP).encrypt("13800138000");
        String under1999 = cipher("k1999", Map.of("k1999", key('z')), LOOKUP).encrypt("13800138000");
        PersonalDataCipher rotated = cipher("k2026", Map.of("k2025", KEY_2025, "k2026", KEY_2026), LOOKUP);
        String under2026 = rotated.encrypt("13800138000");

        assertThat(rotated.currentKeyId()).isEqualTo("k2026");
        assertThat(rotated.oldKeyIds()).containsExactly("k2025");
        String resealed = rotated.reseal(under2025);
        assertThat(resealed).startsWith("k2026:");
        assertThat(rotated.decrypt(resealed)).isEqualTo("13800138000");
        assertThat(rotated.reseal(under2026)).as("already current").isSameAs(under2026);
        assertThat(rotated.reseal(under1999)).as("a key this service does not have: left for the operator").isSameAs(under1999);
        String json = "{\"mobile\":\"13800138000\"}";
        assertThat(rotated.reseal(json)).as("stored before the seal").isSameAs(json);
        assertThat(rotated.reseal(null)).isNull();
    }

    @Test
    void refusesTamperedValuesAndUnknownKeys() {
        PersonalDataCipher cipher = cipher("k2025", Map.of("k2025", KEY_2025), LOOKUP);
        String stored = cipher.encrypt("13800138000");
        byte[] bytes = Base64.getDecoder().decode(stored.substring("k2025:".length()));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "k2025:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("k1999:" + stored.substring(6)))
                .hasMessageContaining("unknown key k1999");
        assertThatThrownBy(() -> cipher.decrypt("k2026" + stored.substring(5)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lookupHashIsDeterministicAndKeyed() {
        PersonalDataCipher cipher = cipher("k2025", Map.of("k2025", KEY_2025), LOOKUP);
        PersonalDataCipher otherLookupKey = cipher("k2025", Map.of("k2025", KEY_2025), key('d'));

        assertThat(cipher.lookupHash("110105199003071239")).hasSize(64)
                .isEqualTo(cipher.lookupHash("110105199003071239"))
                .isNotEqualTo(cipher.lookupHash("310104195806120025"))
                .isNotEqualTo(otherLookupKey.lookupHash("110105199003071239"));
    }

    @Test
    void refusesKeysOfTheWrongSize() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> cipher("k", Map.of("k", shortKey), LOOKUP)).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> cipher("missing", Map.of("k", KEY_2025), LOOKUP)).hasMessageContaining("no key missing");
    }

    static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }

    static PersonalDataCipher cipher(String current, Map<String, String> keys, String lookup) {
        return new PersonalDataCipher(new PersonalDataConfig() {
            @Override
            public String currentKeyId() {
                return current;
            }

            @Override
            public Map<String, String> keys() {
                return keys;
            }

            @Override
            public String lookupKey() {
                return lookup;
            }
        });
    }
}

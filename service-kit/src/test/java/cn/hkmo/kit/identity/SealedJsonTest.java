package cn.hkmo.kit.identity;

import cn.hkmo.contracts.EventEnvelope;
import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SealedJsonTest {

    record Applicant(String name, String mobile) {
    }

    static final class SealedApplicant extends SealedJson<Applicant> {
        SealedApplicant(Sealed sealed) {
            super(sealed, new TypeReference<Applicant>() { });
        }
    }

    private final PersonalDataCipher cipher = PersonalDataCipherTest.cipher("k1",
            Map.of("k1", PersonalDataCipherTest.key('a')), PersonalDataCipherTest.key('c'));
    private final SealedApplicant column = new SealedApplicant(new Sealed(cipher));

    @Test
    void storesTheJsonSealedAndReadsItBack() {
        Applicant applicant = new Applicant("李娜", "13800138000");
        String stored = column.convertToDatabaseColumn(applicant);

        assertThat(stored).startsWith("k1:").doesNotContain("13800138000").doesNotContain("李娜");
        assertThat(cipher.decrypt(stored)).isEqualTo("{\"name\":\"李娜\",\"mobile\":\"13800138000\"}");
        assertThat(column.convertToEntityAttribute(stored)).isEqualTo(applicant);
        assertThat(column.convertToDatabaseColumn(null)).isNull();
        assertThat(column.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void readsWhatAServiceSealedByHandAndWhatWasStoredBeforeTheSeal() throws Exception {
        Applicant applicant = new Applicant("王伟", null);
        String byHand = cipher.encrypt(EventEnvelope.JSON.writeValueAsString(applicant));

        assertThat(column.convertToEntityAttribute(byHand)).isEqualTo(applicant);
        assertThat(column.convertToEntityAttribute("{\"name\":\"王伟\",\"mobile\":null}")).isEqualTo(applicant);
    }
}

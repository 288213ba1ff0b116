package cn.hkmo.kit.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResidentIdTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "440524188001010014", "120223198902021249", "110105199003071239"})
    void acceptsTheVerifiedExamplesOfRulesMd(String number) {
        assertThat(ResidentId.defectOf(number, TODAY)).isEmpty();
    }

    @Test
    void readsBirthDateSexRegionAndAge() {
        ResidentId id = ResidentId.parse("11010519491231002x", TODAY);

        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(ResidentId.Sex.FEMALE);
        assertThat(id.addressCode()).isEqualTo("110105");
        assertThat(id.provinceCode()).isEqualTo("110000");
        assertThat(id.ageOn(LocalDate.of(2009, 12, 30))).isEqualTo(59);
        assertThat(id.ageOn(LocalDate.of(2009, 12, 31))).isEqualTo(60);
    }

    @ParameterizedTest
    @CsvSource({
            "1101051949123100, LENGTH",
            "11010519491231002Y, CHARACTERS",
            "81000019900101001X, PROVINCE",
            "110105194902300021, BIRTH_DATE",
            "110105203001010011, BIRTH_DATE",
            "110105194912310021, CHECKSUM"})
    void namesTheDefect(String number, ResidentId.Defect defect) {
        assertThat(ResidentId.defectOf(number, TODAY)).contains(defect);
        assertThatThrownBy(() -> ResidentId.parse(number, TODAY))
                .isInstanceOfSatisfying(ResidentId.InvalidResidentIdException.class,
                        e -> assertThat(e.defect()).isEqualTo(defect));
    }

    @Test
    void masksTheBirthDateAndSequenceEverywhere() {
        ResidentId id = ResidentId.parse("11010519491231002X", TODAY);

        assertThat(id.masked()).isEqualTo("110105********002X");
        assertThat(id).hasToString("110105********002X");
        assertThat(ResidentId.mask("123")).isEqualTo("****");
    }
}

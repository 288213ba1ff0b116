package cn.hkmo.kit.problem;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMessagesTest {

    private final ProblemMessages messages = new ProblemMessages();

    @Test
    void choosesTheLanguageFromAcceptLanguageWithChineseAsDefault() {
        assertThat(ProblemMessages.languageOf(null)).isEqualTo(ProblemMessages.CHINESE);
        assertThat(ProblemMessages.languageOf("en-US,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemMessages.languageOf("zh-CN,zh;q=0.9,en;q=0.8")).isEqualTo(ProblemMessages.CHINESE);
        assertThat(ProblemMessages.languageOf("fr-FR,en;q=0.5")).isEqualTo(Locale.ENGLISH);
        assertThat(ProblemMessages.languageOf("de")).isEqualTo(ProblemMessages.CHINESE);
        assertThat(ProblemMessages.languageOf(";;;")).isEqualTo(ProblemMessages.CHINESE);
    }

    @Test
    void formatsKitMessagesInBothLanguages() {
        assertThat(messages.title("IDENTITY_NOT_VERIFIED", ProblemMessages.CHINESE)).isEqualTo("需要实人认证");
        assertThat(messages.title("IDENTITY_NOT_VERIFIED", Locale.ENGLISH)).isEqualTo("Real-person check required");
        assertThat(messages.detail("IDEMPOTENCY_KEY_REUSED", Locale.ENGLISH, "k-1")).get().asString()
                .contains("k-1");
        assertThat(messages.title("NO_SUCH_CODE", Locale.ENGLISH)).isEqualTo("NO_SUCH_CODE");
    }

    @Test
    void numbersArePrintedAsNumbersWithoutGroupingUnlessThePatternFormatsThem() {
        // 2,027 was a year in a message once; an amount reads 1234.50, not 1,234.5
        assertThat(messages.detail("PEOPLE_TOO_MANY", Locale.ENGLISH, 2027)).get().asString().contains("2027")
                .doesNotContain("2,027");
        assertThat(messages.detail("PEOPLE_TOO_MANY", ProblemMessages.CHINESE, new java.math.BigDecimal("1234.50")))
                .hasValue("一次最多预约 1234.50 人。");
        assertThat(messages.message("GROUPED", Locale.ENGLISH, 12345)).hasValue("12,345 grouped on purpose");
    }

    @Test
    void typeIsTheCodeInKebabCase() {
        assertThat(Problem.typeOf("SLOT_FULL")).isEqualTo("https://hkmo.cn/problems/slot-full");
        assertThat(KitError.forStatus(404)).isEqualTo(KitError.NOT_FOUND);
        assertThat(KitError.forStatus(400)).isEqualTo(KitError.MALFORMED_REQUEST);
    }

    @Test
    void aPointInTimeIsShownInTheBusinessZoneWhateverItsOffset() {
        // HOLD_EXPIRED once told a Chinese user a UTC time
        java.time.OffsetDateTime utc = java.time.OffsetDateTime.parse("2027-03-01T01:30:00Z");
        assertThat(messages.detail("PEOPLE_TOO_MANY", ProblemMessages.CHINESE, utc))
                .hasValue("一次最多预约 2027-03-01T09:30:00+08:00 人。");
        assertThat(messages.detail("PEOPLE_TOO_MANY", Locale.ENGLISH, utc.toInstant())).get().asString()
                .contains("2027-03-01T09:30:00+08:00");
        assertThat(messages.detail("PEOPLE_TOO_MANY", Locale.ENGLISH, java.time.LocalDate.of(2027, 3, 1))).get()
                .asString().contains("2027-03-01").doesNotContain("+08:00");
    }
}

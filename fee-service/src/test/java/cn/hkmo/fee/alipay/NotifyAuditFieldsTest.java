package cn.hkmo.fee.alipay;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyAuditFieldsTest {

    @Test
    void keepsOnlyTheKnownNotifyFieldsAndCountsTheRest() {
        Map<String, String> posted = new HashMap<>();
        posted.put("out_trade_no", "FO202609150001");
        posted.put("trade_status", "TRADE_SUCCESS");
        posted.put("sign", "s".repeat(344));
        for (int i = 0; i < 500; i++) {
            posted.put("junk" + i, "x".repeat(1350)); // the attacker's 900 KB row of issue 15
        }

        NotifyAuditFields.Kept kept = NotifyAuditFields.of(posted);

        assertThat(kept.fields()).containsOnlyKeys("out_trade_no", "trade_status", "sign");
        assertThat(kept.fields().get("sign")).hasSize(344);
        assertThat(kept.droppedFields()).isEqualTo(500);
    }

    @Test
    void cutsEveryKeptValueAndAllOfThemTogetherSoAFullRowStaysTheSizeOfAGenuineNotify() {
        Map<String, String> posted = new HashMap<>();
        NotifyAuditFields.KNOWN.forEach(name -> posted.put(name, "y".repeat(100_000)));

        NotifyAuditFields.Kept kept = NotifyAuditFields.of(posted);

        assertThat(kept.droppedFields()).isZero();
        assertThat(kept.fields()).containsOnlyKeys(NotifyAuditFields.KNOWN);
        assertThat(kept.fields().values()).allMatch(v -> v.length() <= NotifyAuditFields.MAX_VALUE_LENGTH);
        assertThat(kept.fields().values().stream().mapToInt(String::length).sum())
                .isEqualTo(NotifyAuditFields.MAX_KEPT_LENGTH);
        // what identifies the notify comes first, whole, however much else was posted
        assertThat(kept.fields().get("out_trade_no")).hasSize(NotifyAuditFields.MAX_VALUE_LENGTH);
        assertThat(kept.fields().get("voucher_detail_list")).isEmpty();
    }

    @Test
    void aGenuineNotifyIsKeptWhole() {
        Map<String, String> posted = new HashMap<>();
        posted.put("out_trade_no", "FO2609150001ABCDEF");
        posted.put("trade_no", "2026091522001400001234567890");
        posted.put("sign", "s".repeat(344));
        posted.put("fund_bill_list", "[{\"amount\":\"90.00\",\"fundChannel\":\"ALIPAYACCOUNT\"}]");
        posted.put("subject", "往来港澳通行证及签注证件费");

        assertThat(NotifyAuditFields.of(posted).fields()).isEqualTo(posted);
    }

    @Test
    void nullsAndShortValuesAreKeptAsTheyAre() {
        assertThat(NotifyAuditFields.truncate(null, 3)).isNull();
        assertThat(NotifyAuditFields.truncate("abc", 3)).isEqualTo("abc");
        assertThat(NotifyAuditFields.truncate("abcd", 3)).isEqualTo("abc");
    }
}

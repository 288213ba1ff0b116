package cn.hkmo.kit.identity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealedColumnsTest {

    @Test
    void namesATableItsKeyAndItsSealedColumns() {
        SealedColumns columns = SealedColumns.of("case_file", "application_no", "resident_id_sealed", "mobile_sealed");

        assertThat(columns.keyColumns()).containsExactly("application_no");
        assertThat(columns.sealedColumns()).containsExactly("resident_id_sealed", "mobile_sealed");
    }

    @Test
    void takesOnlyPlainIdentifiersSinceTheyGoIntoSql() {
        assertThatThrownBy(() -> SealedColumns.of("booking; drop table booking", "booking_no", "personal_data"))
                .hasMessageContaining("not a plain SQL identifier");
        assertThatThrownBy(() -> SealedColumns.of("booking", "booking_no", "Personal_Data"))
                .hasMessageContaining("not a plain SQL identifier");
        assertThatThrownBy(() -> new SealedColumns("booking", List.of(), List.of("personal_data")))
                .hasMessageContaining("a key column and a sealed column");
        assertThatThrownBy(() -> new SealedColumns("booking", List.of("booking_no"), List.of()))
                .hasMessageContaining("a key column and a sealed column");
    }
}

package cn.hkmo.kit.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void anExhaustedPoolOrALostConnectionIsBackPressureNotABug() {
        SQLException poolTimeout = new SQLException("Sorry, acquisition timeout!");
        assertThat(DatabaseUnavailable.isCause(new RuntimeException("wrapped", new IllegalStateException(poolTimeout)))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    }

    @Test
    void otherFailuresStayInternalErrors() {
        assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new NullPointerException())).isFalse();
        assertThat(DatabaseUnavailable.isCause(new RuntimeException(new SQLException("syntax error", "42601")))).isFalse();
    }
}

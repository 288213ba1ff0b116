package cn.hkmo.fee.payment;

import cn.hkmo.fee.FeeError;
import cn.hkmo.kit.problem.ProblemException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CashierReturnUrlTest {

    private static final List<String> ORIGINS = List.of("https://permits.example.cn", "http://localhost:8080");

    @ParameterizedTest
    @ValueSource(strings = {"https://permits.example.cn/h5/", "https://PERMITS.example.cn:443/h5/?from=pay",
            "http://localhost:8080/h5/", "https://permits.example.cn"})
    void ourOwnOriginsAreAllowed(String url) {
        assertThat(CashierReturnUrl.require(url, ORIGINS)).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/h5/", "http://permits.example.cn/h5/", "https://permits.example.cn:8443/h5/",
            "http://localhost:8081/h5/", "https://permits.example.cn.evil.example/h5/", "https://user@permits.example.cn/h5/",
            "http://localhost:8080@evil.example/h5/", "https://permits.example.cn/h5/#/applications", "/h5/",
            "//evil.example/h5/", "javascript:alert(1)", "data:text/html,x", "https://permits.example.cn/h5/ x"})
    void anythingElseIsRefused(String url) {
        assertThatThrownBy(() -> CashierReturnUrl.require(url, ORIGINS)).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.errorCode()).isEqualTo(FeeError.RETURN_URL_NOT_ALLOWED));
    }
}

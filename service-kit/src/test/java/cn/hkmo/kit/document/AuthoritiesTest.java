package cn.hkmo.kit.document;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuthoritiesTest {

    private final Authorities authorities = new Authorities(config(Map.of(
            "440000", names("广东省公安厅出入境管理局", "Guangdong"),
            "440300", names("深圳市公安局出入境管理局", null),
            "440304", names("福田分局", null))));

    @Test
    void theMostPreciseRegionConfiguredIssues() {
        assertEquals("福田分局", authorities.forRegion("440304").zh());
        assertEquals("深圳市公安局出入境管理局", authorities.forRegion("440305").zh());
        assertEquals(new Authority("广东省公安厅出入境管理局", "Guangdong"), authorities.forRegion("440106"));
    }

    @Test
    void decisionsAreIssuedByTheProvince() {
        assertEquals("广东省公安厅出入境管理局", authorities.forProvince("440304").zh());
    }

    @Test
    void aRegionNoEntryCoversGetsTheFallback() {
        assertEquals(new Authority("公安机关出入境管理机构", null), authorities.forRegion("510104"));
        assertEquals(new Authority("公安机关出入境管理机构", null), authorities.forProvince(null));
    }

    private static DocumentsConfig.Names names(String zh, String en) {
        return new DocumentsConfig.Names() {
            @Override
            public String zh() {
                return zh;
            }

            @Override
            public Optional<String> en() {
                return Optional.ofNullable(en);
            }
        };
    }

    private static DocumentsConfig config(Map<String, DocumentsConfig.Names> byRegion) {
        return new DocumentsConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public Map<String, Names> authorities() {
                return byRegion;
            }

            @Override
            public Names fallback() {
                return names("公安机关出入境管理机构", null);
            }
        };
    }
}

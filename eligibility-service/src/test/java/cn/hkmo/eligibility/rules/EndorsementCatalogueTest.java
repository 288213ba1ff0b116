package cn.hkmo.eligibility.rules;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.endorsement.EndorsementCatalogue;
import cn.hkmo.eligibility.rules.endorsement.EndorsementOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The public list of endorsement types and options, by the date it is asked for. */
class EndorsementCatalogueTest {

    private final EndorsementCatalogue catalogue = new EndorsementCatalogue(Fixtures.rules().endorsementRules());

    private EndorsementCatalogue.Entry entry(LocalDate date, EndorsementType type, Destination destination) {
        return catalogue.on(date).stream().filter(e -> e.type() == type && e.destination() == destination).findFirst().orElseThrow();
    }

    private static List<String> codes(EndorsementCatalogue.Entry entry, String condition) {
        return entry.variants().stream().filter(v -> v.condition().equals(condition)).findFirst().orElseThrow()
                .options().stream().map(EndorsementOption::code).toList();
    }

    @Test
    @DisplayName("seven types for each destination, with their letters")
    void types() {
        assertThat(catalogue.on(Fixtures.TODAY)).hasSize(14);
        assertThat(entry(Fixtures.TODAY, EndorsementType.TALENT, Destination.MO).letter()).isEqualTo("R");
    }

    @Test
    @DisplayName("family visit: each relationship, and the 60+ variant of the immediate ones")
    void familyVisit() {
        EndorsementCatalogue.Entry t = entry(Fixtures.TODAY, EndorsementType.T, Destination.HK);
        assertThat(codes(t, "SIBLING")).containsExactly("P3M/SINGLE");
        assertThat(codes(t, "SPOUSE")).containsExactly("P3M/MULTIPLE");
        assertThat(t.variants()).anySatisfy(v -> {
            assertThat(v.condition()).startsWith("PARENT, ");
            assertThat(v.options()).extracting(EndorsementOption::code).containsExactly("P1Y/MULTIPLE", "P3M/MULTIPLE");
        });
    }

    @Test
    @DisplayName("schemes and the Hetao talent category appear from their dates")
    void dated() {
        assertThat(entry(LocalDate.of(2024, 11, 30), EndorsementType.G, Destination.HK).variants())
                .extracting(EndorsementCatalogue.Variant::condition).contains("SZ_WEEKLY").doesNotContain("SZ_MULTI");
        assertThat(entry(LocalDate.of(2024, 12, 1), EndorsementType.G, Destination.HK).variants())
                .extracting(EndorsementCatalogue.Variant::condition).contains("SZ_MULTI").doesNotContain("SZ_WEEKLY");
        assertThat(entry(LocalDate.of(2025, 11, 4), EndorsementType.TALENT, Destination.HK).variants())
                .extracting(EndorsementCatalogue.Variant::condition).doesNotContain("HETAO_SHENZHEN_PARK");
        assertThat(codes(entry(LocalDate.of(2024, 5, 5), EndorsementType.S, Destination.HK), "VEHICLE_DRIVER"))
                .containsExactly("P3M/MULTIPLE", "P1Y/MULTIPLE");
    }
}

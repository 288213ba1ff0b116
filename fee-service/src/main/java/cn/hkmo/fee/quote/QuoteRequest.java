package cn.hkmo.fee.quote;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.contracts.common.IssuedEndorsement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.util.List;

/**
 * What a citizen might apply for.
 *
 * @param date the acceptance date to price for; today when absent
 */
public record QuoteRequest(boolean permit, List<@Valid @NotNull Endorsement> endorsements, LocalDate date) {

    /** @param validity ISO-8601 period, e.g. {@code P3M}, {@code P1Y} */
    public record Endorsement(@NotNull Destination destination, EndorsementType type, @NotBlank String validity,
                              @NotNull Entries entries) {
    }

    List<IssuedEndorsement> issuedEndorsements() {
        return endorsements == null ? List.of() : endorsements.stream()
                .map(e -> new IssuedEndorsement(e.destination(), e.type(), e.validity(), e.entries(), 0, null, null))
                .toList();
    }
}

package cn.hkmo.issuance.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A refusal and its reasons, as the decision document (不予批准决定书) will state them.
 *
 * @param legalBasis the provision relied on, optional
 */
public record RefusalRequest(
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 1000) String> reasons,
        @Size(max = 1000) String legalBasis) {
}

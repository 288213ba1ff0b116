package cn.hkmo.issuance.collection;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Who collects at the counter, and the ID number the officer checked.
 *
 * @param idNumber  the resident ID shown: the applicant's own, or the proxy's
 * @param proxyName required when a proxy collects (代领)
 */
public record CollectionRequest(
        @NotNull Collector collector,
        @NotBlank String idNumber,
        @Size(max = 50) String proxyName) {

    public enum Collector {
        APPLICANT, PROXY
    }
}

package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.common.CollectionMethod;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The citizen's new choice: collect at the hall, or EMS to a recipient, mobile and address. */
public record DeliveryChange(
        @NotNull CollectionMethod method,
        @Size(max = 50) String recipient,
        @Pattern(regexp = "^(\\+86|0086)?1[3-9]\\d{9}$") String mobile,
        @Size(max = 300) String address) {
}

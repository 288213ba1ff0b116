package cn.hkmo.issuance.mailing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.time.OffsetDateTime;

/** EMS took the permit: its waybill, and when (now if omitted). */
public record DispatchRequest(
        @NotBlank @Pattern(regexp = "^[A-Z0-9]{10,20}$") String waybillNo,
        OffsetDateTime dispatchedAt) {
}

package cn.hkmo.issuance.mailing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** EMS took the permit: its waybill, when (now if omitted) and where (the posting office as EMS names it, optional). */
public record DispatchRequest(
        @NotBlank @Pattern(regexp = "^[A-Z0-9]{10,20}$") String waybillNo,
        OffsetDateTime dispatchedAt,
        @Size(max = 100) String place) {
}

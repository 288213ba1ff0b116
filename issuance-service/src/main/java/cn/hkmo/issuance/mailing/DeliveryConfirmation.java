package cn.hkmo.issuance.mailing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** EMS handed the permit over (now if {@code deliveredAt} is omitted), and where (optional). */
public record DeliveryConfirmation(@NotBlank String waybillNo, OffsetDateTime deliveredAt, @Size(max = 100) String place) {
}

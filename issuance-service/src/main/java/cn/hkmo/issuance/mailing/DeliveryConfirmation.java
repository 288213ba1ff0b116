package cn.hkmo.issuance.mailing;

import jakarta.validation.constraints.NotBlank;

import java.time.OffsetDateTime;

/** EMS handed the permit over (now if {@code deliveredAt} is omitted). */
public record DeliveryConfirmation(@NotBlank String waybillNo, OffsetDateTime deliveredAt) {
}

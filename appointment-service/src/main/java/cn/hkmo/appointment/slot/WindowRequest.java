package cn.hkmo.appointment.slot;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;
import java.time.LocalTime;

/** A window asked for by a citizen (to hold it or wait for it); every field is required (400, never a 500). */
public record WindowRequest(@NotBlank String hallId, @NotNull LocalDate date, @NotNull LocalTime windowStart) {
}

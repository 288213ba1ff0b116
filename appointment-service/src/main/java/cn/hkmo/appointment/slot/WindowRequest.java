package cn.hkmo.appointment.slot;

import java.time.LocalDate;
import java.time.LocalTime;

/** A window asked for by a citizen (to hold it or wait for it). */
public record WindowRequest(String hallId, LocalDate date, LocalTime windowStart) {
}

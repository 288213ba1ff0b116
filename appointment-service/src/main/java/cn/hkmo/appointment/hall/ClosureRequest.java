package cn.hkmo.appointment.hall;

import java.time.LocalDate;

/** Close a hall's day, with the reason the citizens are told. */
public record ClosureRequest(LocalDate date, String reason) {
}

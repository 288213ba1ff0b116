package cn.hkmo.issuance.deadline;

import java.time.LocalDate;

/**
 * A case's target date for issuance and how it was reached.
 *
 * @param date  the last day on which the permit must be issued
 * @param basis the rule applied
 * @param days  the length of the period in the rule's unit
 */
public record Deadline(LocalDate date, DeadlineBasis basis, int days) {
}

package cn.hkmo.issuance.deadline;

import java.time.LocalDate;

/**
 * A case's target date for issuance and how it was reached.
 *
 * @param date        the last day on which the permit must be issued
 * @param basis       the rule applied
 * @param days        the length of the period in the rule's unit
 * @param provisional the period counts working days through a year whose holiday notice is not out yet: the date
 *                    rests on the statutory holidays and is recomputed when the notice is loaded
 */
public record Deadline(LocalDate date, DeadlineBasis basis, int days, boolean provisional) {
}

package cn.hkmo.issuance.mailing;

import java.time.OffsetDateTime;

/** An issued permit waiting for EMS, with the address from the application (the courier needs it in full). */
public record MailingItem(String applicationNo, String hallId, String recipient, String mobile, String address,
                          OffsetDateTime issuedAt) {
}

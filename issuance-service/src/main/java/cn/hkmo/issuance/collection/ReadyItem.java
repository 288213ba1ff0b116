package cn.hkmo.issuance.collection;

import java.time.OffsetDateTime;

/** A permit waiting at the hall. */
public record ReadyItem(String applicationNo, String applicantName, String residentId, String permitNo,
                        OffsetDateTime readySince) {
}

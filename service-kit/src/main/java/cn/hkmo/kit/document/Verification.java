package cn.hkmo.kit.document;

import java.time.OffsetDateTime;

/**
 * The public answer for a verification code: whether the document is genuine and what it certifies, and nothing
 * more (no reasons, no full name, no resident ID).
 *
 * @param genuine   the stored document still matches the fingerprint taken when it was issued
 * @param applicant the family name, the rest masked ({@code 张*})
 * @param residentId masked ({@code 110105********1239})
 */
public record Verification(boolean genuine, DocumentType type, String title, String number, Authority issuingAuthority,
                           OffsetDateTime issuedAt, String applicant, String residentId) {
}

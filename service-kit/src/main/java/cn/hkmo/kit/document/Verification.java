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

    /** The OpenAPI tag of the verification operations. */
    public static final String TAG = "verification";

    /** What every verification operation answers, for its OpenAPI description. */
    public static final String ANSWERS = "The code as printed (any case, hyphens optional); no token needed. Answers the "
            + "document's type, number, issuing authority, date and the applicant masked (family name, resident ID), and "
            + "whether the stored document still matches the fingerprint taken when it was issued; nothing more. An "
            + "unknown code is a 404 DOCUMENT_NOT_FOUND.";
}

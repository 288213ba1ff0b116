package cn.hkmo.kit.document;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a printed document says, as plain data: the services fill it, {@link IssuedDocuments} keeps it as issued,
 * {@link DocumentRenderer} prints it. A new line of content is a new {@link Fact} or {@link Paragraph}, not a new
 * renderer.
 *
 * @param number           the document's number (receipt number, decision number)
 * @param issuedAt         when it was issued; printed in Beijing time
 * @param facts            what it certifies, one labelled line each (what was accepted or decided, dates)
 * @param paragraphs       running text under a heading (reasons, legal basis, remedies)
 * @param verificationCode null until {@link IssuedDocuments#issue} gives it one
 */
public record PrintedDocument(DocumentType type, String number, Authority authority, Applicant applicant,
                              OffsetDateTime issuedAt, List<Fact> facts, List<Paragraph> paragraphs,
                              String verificationCode) {

    public PrintedDocument {
        facts = List.copyOf(facts);
        paragraphs = List.copyOf(paragraphs);
    }

    /** The same content, with the code that verifies it. */
    public PrintedDocument withVerificationCode(String code) {
        return new PrintedDocument(type, number, authority, applicant, issuedAt, facts, paragraphs, code);
    }

    /** The public path that verifies this document. */
    public String verificationPath() {
        return type.verificationPath(verificationCode);
    }

    /**
     * The person the document is addressed to.
     *
     * @param residentIdMasked {@code 110105********1239}: a document never carries the full number
     */
    public record Applicant(String name, String residentIdMasked) {

        /** The name as a verification shows it: the family name, then one {@code *} per character. */
        public String nameMasked() {
            if (name == null || name.isEmpty()) {
                return "";
            }
            int first = name.offsetByCodePoints(0, 1);
            return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
        }
    }

    /** One labelled line; the English label may be null. */
    public record Fact(String labelZh, String labelEn, String value) {
    }

    /** Running text under a heading; the English heading may be null. */
    public record Paragraph(String headingZh, String headingEn, List<String> lines) {

        public Paragraph {
            lines = List.copyOf(lines);
        }
    }
}

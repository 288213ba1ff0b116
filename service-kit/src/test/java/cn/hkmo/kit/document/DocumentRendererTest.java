package cn.hkmo.kit.document;

import cn.hkmo.platform.test.PdfText;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The printed document read back by another library (PDFBox), as a reader or a search index would read it. */
class DocumentRendererTest {

    static final PrintedDocument DECISION = new PrintedDocument(DocumentType.REFUSAL_DECISION, "110000-2026-000042",
            new Authority("北京市公安局出入境管理总队", "Exit and Entry Administration Division, Beijing"),
            new PrintedDocument.Applicant("张伟", "110105********1239"),
            OffsetDateTime.parse("2026-12-05T02:30:00Z"),
            List.of(new PrintedDocument.Fact("受理编号", "Application No.", "A1101052026120500001")),
            List.of(new PrintedDocument.Paragraph("不予批准的理由", "Reasons", List.of("申请材料虚假。")),
                    new PrintedDocument.Paragraph("救济途径", "Remedies",
                            List.of("如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议。"))),
            "7K2M-Q9XD-4HTB-0W5R");

    @Test
    void theTextReadsBackWithAuthorityNumberMaskedIdAndCode() throws IOException {
        String text = text(DocumentRenderer.render(DECISION));

        assertTrue(text.contains("北京市公安局出入境管理总队"), text);
        assertTrue(text.contains("不予批准决定书"), text);
        assertTrue(text.contains("110000-2026-000042"), text);
        assertTrue(text.contains("110105********1239"), text);
        assertTrue(text.contains("7K2M-Q9XD-4HTB-0W5R"), text);
        assertTrue(text.contains("/api/v1/verifications/refusal-decisions/7K2M-Q9XD-4HTB-0W5R"), text);
        assertTrue(text.contains("六十日内依法申请行政复议"), text);
        assertTrue(text.contains("2026年12月5日"), "issued on the Beijing date: " + text);
    }

    @Test
    void theFullResidentIdIsNowhereInTheFile() throws IOException {
        byte[] pdf = DocumentRenderer.render(DECISION);

        assertFalse(text(pdf).contains("110105199003071239"));
        assertFalse(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).contains("19900307"));
    }

    @Test
    void chineseIsSetInTheStandardSongFontWithoutEmbeddingIt() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(DocumentRenderer.render(DECISION))) {
            List<PDFont> fonts = new ArrayList<>();
            for (var name : pdf.getPage(0).getResources().getFontNames()) {
                fonts.add(pdf.getPage(0).getResources().getFont(name));
            }
            assertEquals(1, fonts.size(), "one font for all text: " + fonts.stream().map(f -> f.getName() + "/" + f.isEmbedded()).toList());
            assertTrue(fonts.get(0).getName().startsWith("STSong-Light"), fonts.get(0).getName());
            assertFalse(fonts.get(0).isEmbedded());
            assertEquals(1, pdf.getNumberOfPages());
        }
    }

    @Test
    void beijingTimeIsPrintedAsSuch() {
        assertEquals("2026年12月5日 10:30（北京时间）", DocumentRenderer.beijingTime(OffsetDateTime.parse("2026-12-05T02:30:00Z")));
    }

    @Test
    void aDocumentWithoutItsCodeIsNotPrinted() {
        assertThrows(IllegalArgumentException.class, () -> DocumentRenderer.render(DECISION.withVerificationCode(null)));
    }

    private static String text(byte[] pdf) {
        return PdfText.of(pdf);
    }
}

package cn.hkmo.kit.document;

import cn.hkmo.kit.config.ClockProducer;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Prints a {@link PrintedDocument} as an A4 PDF with OpenPDF (ADR 0013). Chinese is set in STSong-Light with the
 * UniGB-UCS2-H CMap, one of the standard Adobe-GB1 fonts every PDF reader provides: nothing is embedded (a few
 * kilobytes a document) and text stays extractable, as on the PDFs government offices publish.
 */
public final class DocumentRenderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final Color GREY = new Color(90, 90, 90);
    private static final BaseFont SONG = song();

    private DocumentRenderer() {
    }

    /** A point in time as the documents print it: Beijing time, saying so ({@code 2026年12月5日 14:30（北京时间）}). */
    public static String beijingTime(OffsetDateTime time) {
        return TIME.format(time.atZoneSameInstant(ClockProducer.BUSINESS_ZONE)) + "（北京时间）";
    }

    /** A date as the documents print it ({@code 2026年12月5日}). */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    public static byte[] render(PrintedDocument doc) {
        if (doc.verificationCode() == null) {
            throw new IllegalArgumentException("a document is printed only once it is issued, with its verification code");
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document page = new Document(PageSize.A4, 64, 64, 56, 56);
        try {
            PdfWriter.getInstance(page, pdf);
            page.addTitle(doc.type().titleZh() + " " + doc.number());
            page.addAuthor(doc.authority().zh());
            page.open();
            header(page, doc);
            facts(page, doc);
            for (PrintedDocument.Paragraph paragraph : doc.paragraphs()) {
                page.add(spaced(labelled(paragraph.headingZh(), paragraph.headingEn(), 11), 10, 2));
                for (String line : paragraph.lines()) {
                    Paragraph text = new Paragraph(line, font(11, Font.NORMAL));
                    text.setLeading(17);
                    text.setFirstLineIndent(22);
                    page.add(text);
                }
            }
            signature(page, doc);
            verification(page, doc);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot print " + doc.type() + " " + doc.number(), e);
        } finally {
            if (page.isOpen()) {
                page.close();
            }
        }
        return pdf.toByteArray();
    }

    private static void header(Document page, PrintedDocument doc) {
        page.add(centred(doc.authority().zh(), font(15, Font.NORMAL)));
        if (doc.authority().en() != null) {
            page.add(centred(doc.authority().en(), grey(8)));
        }
        page.add(spaced(centred(doc.type().titleZh(), font(20, Font.BOLD)), 14, 0));
        page.add(centred(doc.type().titleEn(), grey(9)));
        Paragraph number = new Paragraph(new Chunk("编号 ", font(10, Font.NORMAL)));
        number.add(new Chunk("No. ", grey(8)));
        number.add(new Chunk(doc.number(), font(10, Font.NORMAL)));
        number.setAlignment(Element.ALIGN_RIGHT);
        page.add(spaced(number, 10, 6));
    }

    private static void facts(Document page, PrintedDocument doc) {
        PdfPTable table = new PdfPTable(new float[]{1.2f, 3f});
        table.setWidthPercentage(100);
        row(table, "申请人", "Applicant", doc.applicant().name());
        row(table, "公民身份号码", "Resident ID", doc.applicant().residentIdMasked());
        for (PrintedDocument.Fact fact : doc.facts()) {
            row(table, fact.labelZh(), fact.labelEn(), fact.value());
        }
        page.add(table);
    }

    private static void row(PdfPTable table, String labelZh, String labelEn, String value) {
        PdfPCell label = new PdfPCell(labelled(labelZh, labelEn, 10));
        label.setBackgroundColor(new Color(242, 242, 242));
        label.setPadding(5);
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font(10, Font.NORMAL)));
        cell.setPadding(5);
        table.addCell(label);
        table.addCell(cell);
    }

    private static void signature(Document page, PrintedDocument doc) {
        Paragraph authority = new Paragraph(doc.authority().zh(), font(12, Font.NORMAL));
        authority.setAlignment(Element.ALIGN_RIGHT);
        page.add(spaced(authority, 28, 0));
        Paragraph date = new Paragraph(date(doc.issuedAt().atZoneSameInstant(ClockProducer.BUSINESS_ZONE).toLocalDate()),
                font(12, Font.NORMAL));
        date.setAlignment(Element.ALIGN_RIGHT);
        page.add(date);
    }

    /** Under a rule, set off from the text: what a reader needs to check the document. */
    private static void verification(Document page, PrintedDocument doc) {
        Paragraph code = labelled("核验码", "Verification code", 10);
        code.add(new Chunk("  " + doc.verificationCode(), font(12, Font.BOLD)));
        Paragraph path = labelled("核验地址", "Verify at", 9);
        path.add(new Chunk("  GET " + doc.verificationPath(), font(9, Font.NORMAL)));
        Paragraph note = new Paragraph(new Chunk("凭核验码可查验本文书的真伪及其证明的事项。", grey(9)));
        note.add(new Chunk(" The code confirms that this document is genuine and what it certifies.", grey(8)));
        PdfPCell block = new PdfPCell();
        block.setBorder(Rectangle.TOP);
        block.setBorderColor(GREY);
        block.setPaddingTop(6);
        block.addElement(code);
        block.addElement(path);
        block.addElement(note);
        PdfPTable rule = new PdfPTable(1);
        rule.setWidthPercentage(100);
        rule.setSpacingBefore(22);
        rule.addCell(block);
        page.add(rule);
    }

    /** A Chinese label followed by its English in small grey type. */
    private static Paragraph labelled(String zh, String en, float size) {
        Paragraph label = new Paragraph(new Chunk(zh, font(size, Font.BOLD)));
        if (en != null) {
            label.add(new Chunk(" " + en, grey(size - 2)));
        }
        return label;
    }

    private static Paragraph centred(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        return paragraph;
    }

    private static Paragraph spaced(Paragraph paragraph, float before, float after) {
        paragraph.setSpacingBefore(before);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    private static Font font(float size, int style) {
        return new Font(SONG, size, style);
    }

    private static Font grey(float size) {
        return new Font(SONG, size, Font.NORMAL, GREY);
    }

    /** The CMap and the font's metrics ship inside OpenPDF's jar: nothing to install on the machine. */
    private static BaseFont song() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (DocumentException | IOException e) {
            throw new UncheckedIOException(new IOException("OpenPDF's STSong-Light / UniGB-UCS2-H is missing", e));
        }
    }
}

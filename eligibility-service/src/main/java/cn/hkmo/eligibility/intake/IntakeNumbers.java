package cn.hkmo.eligibility.intake;

import cn.hkmo.kit.numbering.PublicNumbers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Readable, unguessable numbers: kind letter + yyyyMMdd + the hall's GB/T 2260 district code + ten random characters
 * and a check character ({@link PublicNumbers}), e.g. {@code A20260302110105K7M2Q9TX4B8} (application), {@code R...}
 * (receipt), {@code N...} (notice). The day and district stay readable for the counter and the archive; the rest tells
 * nobody how many were issued (about 8 × 10^14 possibilities per kind, day and district). Numbers issued before, with a
 * four-digit daily counter ({@code A202603021101050001}), stay valid: nothing parses a number's tail.
 */
@ApplicationScoped
public class IntakeNumbers {

    public static final char APPLICATION = 'A';
    public static final char RECEIPT = 'R';
    public static final char NOTICE = 'N';
    private static final int RANDOM_LENGTH = 10;

    private final EntityManager entityManager;
    private final PublicNumbers numbers = new PublicNumbers();

    public IntakeNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A new number, drawn again in the rare case it is taken; the table's unique key backs the check. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(char kind, String hallRegion, LocalDate day) {
        String taken = switch (kind) {
            case APPLICATION -> "select count(*) from application where application_no = :no";
            case RECEIPT -> "select count(*) from application where receipt_no = :no";
            case NOTICE -> "select count(*) from correction_notice where notice_no = :no";
            default -> throw new IllegalArgumentException("no number kind " + kind);
        };
        return numbers.next(kind + day.format(DateTimeFormatter.BASIC_ISO_DATE) + hallRegion, RANDOM_LENGTH,
                candidate -> ((Number) entityManager.createNativeQuery(taken).setParameter("no", candidate)
                        .getSingleResult()).longValue() > 0);
    }
}

package cn.hkmo.eligibility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Readable, unique numbers: kind letter + yyyyMMdd + the hall's GB/T 2260 district code + 4-digit daily sequence
 * counted per district, e.g. {@code A202603021101050001} (application), {@code R...} (receipt), {@code N...} (notice).
 */
@ApplicationScoped
public class IntakeNumbers {

    public static final char APPLICATION = 'A';
    public static final char RECEIPT = 'R';
    public static final char NOTICE = 'N';

    private final EntityManager entityManager;

    public IntakeNumbers(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The next number, counted in the caller's transaction (the row lock serialises concurrent counters). */
    @Transactional(Transactional.TxType.MANDATORY)
    public String next(char kind, String hallRegion, LocalDate day) {
        Number value = (Number) entityManager.createNativeQuery("""
                        insert into intake_sequence (number_code, day, kind, last_value) values (:code, :day, :kind, 1)
                        on conflict (number_code, day, kind) do update set last_value = intake_sequence.last_value + 1
                        returning last_value""")
                .setParameter("code", hallRegion)
                .setParameter("day", day)
                .setParameter("kind", String.valueOf(kind))
                .getSingleResult();
        return kind + day.format(DateTimeFormatter.BASIC_ISO_DATE) + hallRegion + String.format("%04d", value.intValue());
    }
}

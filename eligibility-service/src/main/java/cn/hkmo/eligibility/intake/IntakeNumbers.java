package cn.hkmo.eligibility.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Readable, unique numbers: kind letter + yyyyMMdd + hall code + 4-digit daily sequence, e.g.
 * {@code A20260302BJCY0001} (application), {@code R...} (receipt), {@code N...} (notice).
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
    public String next(char kind, String hallId, String hallCode, LocalDate day) {
        Number value = (Number) entityManager.createNativeQuery("""
                        insert into intake_sequence (hall_id, day, kind, last_value) values (:hall, :day, :kind, 1)
                        on conflict (hall_id, day, kind) do update set last_value = intake_sequence.last_value + 1
                        returning last_value""")
                .setParameter("hall", hallId)
                .setParameter("day", day)
                .setParameter("kind", String.valueOf(kind))
                .getSingleResult();
        return kind + day.format(DateTimeFormatter.BASIC_ISO_DATE) + hallCode + String.format("%04d", value.intValue());
    }
}

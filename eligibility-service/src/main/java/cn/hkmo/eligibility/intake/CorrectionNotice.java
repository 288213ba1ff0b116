package cn.hkmo.eligibility.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A one-time notice (一次性告知): every missing or wrong item of one counter visit. */
@Entity
@Table(name = "correction_notice")
public class CorrectionNotice extends PanacheEntityBase {

    @Id
    @Column(name = "notice_no")
    public String noticeNo;

    @Column(name = "booking_no", nullable = false)
    public String bookingNo;

    public String subject;

    @Column(name = "resident_id_hash", nullable = false)
    public String residentIdHash;

    @Column(name = "hall_id", nullable = false)
    public String hallId;

    /** The lines of the notice ({@code Notice} list as JSON). */
    @Column(name = "items_json", nullable = false)
    public String itemsJson;

    @Column(nullable = false)
    public String officer;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;
}

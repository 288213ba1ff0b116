package cn.hkmo.eligibility.intake;

import cn.hkmo.contracts.common.Notice;
import cn.hkmo.kit.persistence.JsonColumn;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

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

    /** The lines of the notice. */
    @Column(name = "items_json", nullable = false)
    @Convert(converter = ItemsColumn.class)
    public List<Notice> items;

    @Column(nullable = false)
    public String officer;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    /** The notice's lines as JSON text ({@code Notice} list). */
    @Converter
    public static class ItemsColumn extends JsonColumn<List<Notice>> {
        public ItemsColumn() {
            super(new TypeReference<>() { });
        }
    }
}

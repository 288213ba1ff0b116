package cn.hkmo.eligibility.intake;

import cn.hkmo.contracts.common.IssuedEndorsement;
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

/** An application accepted at the counter (受理), with its receipt number (受理回执). */
@Entity
@Table(name = "application")
public class AcceptedApplication extends PanacheEntityBase {

    @Id
    @Column(name = "application_no")
    public String applicationNo;

    @Column(name = "receipt_no", nullable = false, unique = true)
    public String receiptNo;

    @Column(name = "booking_no", nullable = false, unique = true)
    public String bookingNo;

    public String subject;

    @Column(name = "resident_id_hash", nullable = false)
    public String residentIdHash;

    @Column(name = "resident_id_masked", nullable = false)
    public String residentIdMasked;

    @Column(name = "hall_id", nullable = false)
    public String hallId;

    @Column(nullable = false)
    public String category;

    /** The endorsements with their chosen terms. */
    @Column(name = "endorsements_json", nullable = false)
    @Convert(converter = EndorsementsColumn.class)
    public List<IssuedEndorsement> endorsements;

    @Column(name = "hukou_local", nullable = false)
    public boolean hukouLocal;

    @Column(nullable = false)
    public String officer;

    @Column(name = "accepted_at", nullable = false)
    public OffsetDateTime acceptedAt;

    /** The endorsements as JSON text ({@code IssuedEndorsement} list). */
    @Converter
    public static class EndorsementsColumn extends JsonColumn<List<IssuedEndorsement>> {
        public EndorsementsColumn() {
            super(new TypeReference<>() { });
        }
    }
}

package cn.hkmo.eligibility.intake;

import cn.hkmo.kit.persistence.JsonColumn;
import cn.hkmo.eligibility.assessment.ApplicationBody;
import cn.hkmo.eligibility.rules.materials.Presented;
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

/** What the officer recorded at the counter: the application details and the materials presented (stored as JSON). */
@Entity
@Table(name = "intake")
public class IntakeRecord extends PanacheEntityBase {

    @Id
    @Column(name = "booking_no")
    public String bookingNo;

    @Column(nullable = false)
    public String officer;

    @Column(name = "details_json", nullable = false)
    @Convert(converter = DetailsColumn.class)
    public ApplicationBody details;

    @Column(name = "presented_json", nullable = false)
    @Convert(converter = PresentedColumn.class)
    public List<Presented> presented;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** The application details as JSON text. */
    @Converter
    public static class DetailsColumn extends JsonColumn<ApplicationBody> {
        public DetailsColumn() {
            super(new TypeReference<>() { });
        }
    }

    /** The items presented as JSON text. */
    @Converter
    public static class PresentedColumn extends JsonColumn<List<Presented>> {
        public PresentedColumn() {
            super(new TypeReference<>() { });
        }
    }
}

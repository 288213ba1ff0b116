package cn.hkmo.eligibility.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** What the officer recorded at the counter: the application details and the materials presented (both JSON). */
@Entity
@Table(name = "intake")
public class IntakeRecord extends PanacheEntityBase {

    @Id
    @Column(name = "booking_no")
    public String bookingNo;

    @Column(nullable = false)
    public String officer;

    @Column(name = "details_json", nullable = false)
    public String detailsJson;

    @Column(name = "presented_json", nullable = false)
    public String presentedJson;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}

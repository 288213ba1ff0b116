package cn.hkmo.eligibility.intake;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** An application not accepted (不予受理), with the reason given to the citizen. */
@Entity
@Table(name = "refusal")
public class Refusal extends PanacheEntityBase {

    @Id
    @Column(name = "booking_no")
    public String bookingNo;

    @Column(name = "hall_id", nullable = false)
    public String hallId;

    @Column(name = "reason_code", nullable = false)
    public String reasonCode;

    @Column(nullable = false)
    public String reason;

    @Column(nullable = false)
    public String officer;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;
}

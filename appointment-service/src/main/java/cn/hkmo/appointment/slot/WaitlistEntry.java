package cn.hkmo.appointment.slot;

import cn.hkmo.kit.identity.Sealed;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A citizen waiting for a place in a full window. */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry extends PanacheEntityBase {

    /** WAITING → OFFERED (a hold is kept for them) → BOOKED, or LAPSED if the offer expires; LEFT; CLOSED by a hall closure. */
    public enum Status { WAITING, OFFERED, BOOKED, LAPSED, LEFT, CLOSED }

    @Id
    public UUID id;
    @Column(name = "hall_id")
    public String hallId;
    @Column(name = "slot_date")
    public LocalDate date;
    @Column(name = "window_start")
    public LocalTime windowStart;
    @Column(name = "citizen_subject")
    public String citizenSubject;
    @Column(name = "citizen_hash")
    public String citizenHash;
    public boolean priority;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "hold_id")
    public UUID holdId;
    /** The citizen's mobile when they joined, sealed at rest; the offer's text goes there. */
    @Column(name = "mobile_sealed")
    @Convert(converter = Sealed.class)
    public String mobile;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}

package cn.hkmo.appointment.slot;

import cn.hkmo.appointment.hall.TimeWindow;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A place kept for one citizen for a short time; it counts in {@code slot_capacity.taken} while ACTIVE. */
@Entity
@Table(name = "slot_hold")
public class Hold extends PanacheEntityBase {

    public enum Kind { HOLD, OFFER }

    public enum Status { ACTIVE, USED, RELEASED, EXPIRED }

    @Id
    public UUID id;
    @Column(name = "hall_id")
    public String hallId;
    @Column(name = "slot_date")
    public LocalDate date;
    @Column(name = "window_start")
    public LocalTime windowStart;
    @Column(name = "window_end")
    public LocalTime windowEnd;
    @Column(name = "citizen_subject")
    public String citizenSubject;
    @Column(name = "citizen_hash")
    public String citizenHash;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static Hold of(Kind kind, Slot slot, Owner owner, OffsetDateTime now, OffsetDateTime expiresAt) {
        Hold hold = new Hold();
        hold.id = UUID.randomUUID();
        hold.kind = kind;
        hold.status = Status.ACTIVE;
        hold.hallId = slot.hallId();
        hold.date = slot.date();
        hold.windowStart = slot.window().start();
        hold.windowEnd = slot.window().end();
        hold.citizenSubject = owner.subject();
        hold.citizenHash = owner.personHash();
        hold.createdAt = now;
        hold.expiresAt = expiresAt;
        return hold;
    }

    public Slot slot() {
        return new Slot(hallId, date, new TimeWindow(windowStart, windowEnd));
    }
}

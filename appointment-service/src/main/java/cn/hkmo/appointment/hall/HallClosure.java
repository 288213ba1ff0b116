package cn.hkmo.appointment.hall;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

@Entity
@Table(name = "hall_closure")
@IdClass(HallClosure.Key.class)
public class HallClosure extends PanacheEntityBase {

    @Id
    @Column(name = "hall_id")
    public String hallId;
    @Id
    @Column(name = "closure_date")
    public LocalDate date;
    public String reason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    public static class Key implements Serializable {
        public String hallId;
        public LocalDate date;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(hallId, other.hallId) && Objects.equals(date, other.date);
        }

        @Override
        public int hashCode() {
            return Objects.hash(hallId, date);
        }
    }

    /** Every ad-hoc closure of a hall, reason by date: a hall closes a few days a year at most. */
    static Map<LocalDate, String> of(String hallId) {
        return HallClosure.<HallClosure>list("hallId", hallId).stream()
                .collect(Collectors.toMap(c -> c.date, c -> c.reason));
    }
}

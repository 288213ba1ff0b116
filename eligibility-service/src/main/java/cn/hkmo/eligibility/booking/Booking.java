package cn.hkmo.eligibility.booking;

import cn.hkmo.contracts.common.CollectionMethod;
import cn.hkmo.contracts.common.Delivery;
import cn.hkmo.contracts.common.EndorsementRequest;
import cn.hkmo.kit.persistence.JsonColumn;
import cn.hkmo.kit.identity.Sealed;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A booking as appointment-service announced it. The applicant's resident ID, name, mobile and delivery address are
 * sealed at rest ({@link Sealed}); the booking is found by the resident ID's keyed hash.
 */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    @Id
    @Column(name = "booking_no")
    public String bookingNo;

    public String subject;

    @Column(name = "resident_id_encrypted", nullable = false)
    @Convert(converter = Sealed.class)
    public String residentId;

    @Column(name = "resident_id_hash", nullable = false)
    public String residentIdHash;

    @Column(name = "resident_id_masked", nullable = false)
    public String residentIdMasked;

    @Convert(converter = Sealed.class)
    public String name;

    @Convert(converter = Sealed.class)
    public String mobile;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "hall_id", nullable = false)
    public String hallId;

    /**
     * The hall's district (GB/T 2260), from the booking event; null when the event did not carry it (then intake
     * answers HALL_REGION_UNKNOWN rather than guess the office's remit).
     */
    @Column(name = "hall_region")
    public String hallRegion;

    @Column(name = "booking_date", nullable = false)
    public LocalDate bookingDate;

    @Column(name = "hukou_region")
    public String hukouRegion;

    @Column(name = "non_hukou", nullable = false)
    public boolean nonHukou;

    @Column(nullable = false)
    public String category;

    /** The endorsements asked for at booking. */
    @Column(name = "endorsements_json", nullable = false)
    @Convert(converter = EndorsementsColumn.class)
    public List<EndorsementRequest> endorsements;

    /** Collection method and address; null when the booking did not say (collection at the hall). */
    @Column(name = "delivery_json")
    @Convert(converter = SealedDelivery.class)
    public Delivery delivery;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingStatus status;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Where the permit goes: as booked, or collection at the hall when the booking did not say. */
    public Delivery deliveryOrHall() {
        return delivery == null ? new Delivery(CollectionMethod.HALL, null, null, null) : delivery;
    }

    public static PanacheQuery<Booking> ofHall(String hallId, List<BookingStatus> statuses) {
        return find("hallId = ?1 and status in ?2 order by bookingDate, bookingNo", hallId, statuses);
    }

    /** The endorsements as JSON text ({@code EndorsementRequest} list). */
    @Converter
    public static class EndorsementsColumn extends JsonColumn<List<EndorsementRequest>> {
        public EndorsementsColumn() {
            super(new TypeReference<>() { });
        }
    }
}

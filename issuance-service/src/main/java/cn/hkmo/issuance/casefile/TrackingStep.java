package cn.hkmo.issuance.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.OffsetDateTime;
import java.util.Objects;

/** One step of an EMS mailing: what EMS reported, when and where (the place as EMS names it, null if it gave none). */
@Embeddable
public class TrackingStep {

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    private TrackingStatus status;
    @Column(name = "occurred_at")
    private OffsetDateTime at;
    private String place;

    protected TrackingStep() {
    }

    TrackingStep(TrackingStatus status, OffsetDateTime at, String place) {
        this.status = status;
        this.at = at;
        this.place = place;
    }

    public TrackingStatus status() {
        return status;
    }

    public OffsetDateTime at() {
        return at;
    }

    public String place() {
        return place;
    }

    boolean sameAs(TrackingStatus otherStatus, String otherPlace) {
        return status == otherStatus && Objects.equals(place, otherPlace);
    }
}

package cn.hkmo.fee.schedule;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/** A stored schedule version. Rows are inserted, never updated (the table refuses it). */
@Entity
@Table(name = "fee_schedule_version")
public class FeeScheduleVersionEntity {

    @Id
    public int version;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "fee_schedule_item", joinColumns = @JoinColumn(name = "version"))
    @MapKeyColumn(name = "item")
    @MapKeyEnumerated(EnumType.STRING)
    @Column(name = "amount_fen", nullable = false)
    public Map<FeeItem, Long> fees = new EnumMap<>(FeeItem.class);

    public FeeScheduleVersion toVersion() {
        return new FeeScheduleVersion(version, effectiveFrom, legalBasis, fees);
    }

    static FeeScheduleVersionEntity of(FeeScheduleVersion version, String createdBy, OffsetDateTime now) {
        FeeScheduleVersionEntity entity = new FeeScheduleVersionEntity();
        entity.version = version.version();
        entity.effectiveFrom = version.effectiveFrom();
        entity.legalBasis = version.legalBasis();
        entity.fees = new EnumMap<>(version.feesFen());
        entity.createdAt = now;
        entity.createdBy = createdBy;
        return entity;
    }
}

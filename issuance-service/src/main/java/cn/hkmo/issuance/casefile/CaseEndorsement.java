package cn.hkmo.issuance.casefile;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.contracts.common.Entries;
import cn.hkmo.contracts.common.IssuedEndorsement;
import cn.hkmo.contracts.common.StayRule;
import cn.hkmo.issuance.permit.GrantedEndorsement;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/** An endorsement of a case: the terms decided at intake, and its validity dates once issued. */
@Embeddable
public class CaseEndorsement {

    @Enumerated(EnumType.STRING)
    private Destination destination;
    @Enumerated(EnumType.STRING)
    @Column(name = "endorsement_type")
    private EndorsementType type;
    private String validity;
    @Enumerated(EnumType.STRING)
    private Entries entries;
    private int maxStayDays;
    @Enumerated(EnumType.STRING)
    private StayRule stayRule;
    private String scheme;
    private LocalDate validFrom;
    private LocalDate validUntil;

    protected CaseEndorsement() {
    }

    CaseEndorsement(IssuedEndorsement terms) {
        this.destination = terms.destination();
        this.type = terms.type();
        this.validity = terms.validity();
        this.entries = terms.entries();
        this.maxStayDays = terms.maxStayDays();
        this.stayRule = terms.stayRule();
        this.scheme = terms.scheme();
    }

    IssuedEndorsement terms() {
        return new IssuedEndorsement(destination, type, validity, entries, maxStayDays, stayRule, scheme);
    }

    void issued(LocalDate from, LocalDate until) {
        this.validFrom = from;
        this.validUntil = until;
    }

    public GrantedEndorsement view() {
        return new GrantedEndorsement(destination, type, GrantedEndorsement.letterOf(type), validity, validFrom, validUntil,
                entries, maxStayDays, stayRule, scheme);
    }
}

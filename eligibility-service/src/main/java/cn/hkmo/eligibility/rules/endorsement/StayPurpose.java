package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.contracts.common.Destination;

import java.util.EnumSet;
import java.util.Set;

/** Purposes of a stay (D) endorsement and where each exists (docs/domain.md#r-endorsement-types, [FAQ2 Q39]). */
public enum StayPurpose {
    /** 随任. */
    ACCOMPANY_POSTING(Destination.HK, Destination.MO),
    /** 就学. */
    STUDY(Destination.HK, Destination.MO),
    /** 就业. */
    WORK(Destination.HK, Destination.MO),
    /** 居留 (HK only). */
    RESIDE(Destination.HK),
    /** 培训 (HK only). */
    TRAINING(Destination.HK),
    /** 作为受养人赴港依亲 (HK only). */
    DEPENDANT(Destination.HK),
    /** 赴澳门就业人员的亲属 (Macao only). */
    WORKER_RELATIVE(Destination.MO);

    private final Set<Destination> destinations;

    StayPurpose(Destination first, Destination... rest) {
        this.destinations = EnumSet.of(first, rest);
    }

    public boolean existsFor(Destination destination) {
        return destinations.contains(destination);
    }
}

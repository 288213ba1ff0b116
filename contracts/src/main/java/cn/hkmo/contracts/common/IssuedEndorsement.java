package cn.hkmo.contracts.common;

/**
 * An endorsement with the terms it is (to be) issued on. Validity is an ISO-8601 period (P3M, P1Y, P5Y).
 */
public record IssuedEndorsement(
        Destination destination,
        EndorsementType type,
        String validity,
        Entries entries,
        int maxStayDays,
        StayRule stayRule,
        String scheme) {}

package cn.hkmo.contracts.common;

/**
 * An endorsement asked for at booking or in an assessment: destination and type.
 */
public record EndorsementRequest(
        Destination destination,
        EndorsementType type) {}

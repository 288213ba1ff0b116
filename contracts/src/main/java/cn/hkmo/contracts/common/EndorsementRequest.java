package cn.hkmo.contracts.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * An endorsement asked for at booking or in an assessment: destination and type, and for a family visit (T) whom
 * the applicant visits. {@code familyVisit} is null for other types and in events written before it existed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EndorsementRequest(
        Destination destination,
        EndorsementType type,
        @JsonPropertyDescription("T (family visit) only: the relative visited; absent for other types and in events from before it existed")
        FamilyVisitDetails familyVisit) {

    /** An endorsement that needs no details (any type but T). */
    public EndorsementRequest(Destination destination, EndorsementType type) {
        this(destination, type, null);
    }
}

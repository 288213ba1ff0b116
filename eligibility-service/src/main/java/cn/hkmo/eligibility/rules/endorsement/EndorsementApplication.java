package cn.hkmo.eligibility.rules.endorsement;

import cn.hkmo.contracts.common.Destination;
import cn.hkmo.contracts.common.EndorsementType;
import cn.hkmo.eligibility.rules.Region;
import cn.hkmo.eligibility.rules.Violation;
import cn.hkmo.eligibility.rules.familyvisit.FamilyVisit;
import cn.hkmo.contracts.common.Relationship;

import java.util.ArrayList;
import java.util.List;

/**
 * One endorsement asked for: destination, type, and the details its type needs (exactly those).
 */
public record EndorsementApplication(
        Destination destination,
        EndorsementType type,
        FamilyVisit familyVisit,
        Business business,
        Stay stay,
        OtherPurpose other,
        Talent talent) {

    public static EndorsementApplication familyVisit(Destination destination, FamilyVisit visit) {
        return new EndorsementApplication(destination, EndorsementType.T, visit, null, null, null, null);
    }

    public static EndorsementApplication business(Destination destination, Business business) {
        return new EndorsementApplication(destination, EndorsementType.S, null, business, null, null, null);
    }

    public static EndorsementApplication groupTour(Destination destination) {
        return new EndorsementApplication(destination, EndorsementType.L, null, null, null, null, null);
    }

    public static EndorsementApplication individualTour(Destination destination) {
        return new EndorsementApplication(destination, EndorsementType.G, null, null, null, null, null);
    }

    public static EndorsementApplication stay(Destination destination, Stay stay) {
        return new EndorsementApplication(destination, EndorsementType.D, null, null, stay, null, null);
    }

    public static EndorsementApplication other(Destination destination, OtherPurpose other) {
        return new EndorsementApplication(destination, EndorsementType.Q, null, null, null, other, null);
    }

    public static EndorsementApplication talent(Destination destination, Talent talent) {
        return new EndorsementApplication(destination, EndorsementType.TALENT, null, null, null, null, talent);
    }

    /** "HK-T": how the item is named in notices and materials. */
    public String item() {
        return destination + "-" + type;
    }

    /** Defects of shape: a missing destination or type, details missing for the type or given for another type. */
    public List<Violation> violations(String path) {
        List<Violation> violations = new ArrayList<>();
        if (destination == null) {
            violations.add(new Violation(path + ".destination", "MISSING", "destination (HK or MO) is required"));
        }
        if (type == null) {
            violations.add(new Violation(path + ".type", "MISSING", "endorsement type is required"));
            return violations;
        }
        details(path, violations, "familyVisit", familyVisit, EndorsementType.T);
        details(path, violations, "business", business, EndorsementType.S);
        details(path, violations, "stay", stay, EndorsementType.D);
        details(path, violations, "other", other, EndorsementType.Q);
        details(path, violations, "talent", talent, EndorsementType.TALENT);
        if (familyVisit != null && type == EndorsementType.T) {
            required(path + ".familyVisit.relationship", familyVisit.relationship(), violations);
            required(path + ".familyVisit.relativeStatus", familyVisit.relativeStatus(), violations);
            if (familyVisit.minorChildWithSpouse() && familyVisit.relationship() != Relationship.SPOUSE) {
                violations.add(new Violation(path + ".familyVisit.minorChildWithSpouse", "IMPOSSIBLE_COMBINATION",
                        "a minor child with the relative only applies when visiting a spouse"));
            }
        }
        if (business != null && type == EndorsementType.S) {
            required(path + ".business.role", business.role(), violations);
            if (business.socialInsuranceMonths() != null && business.socialInsuranceMonths() < 0) {
                violations.add(new Violation(path + ".business.socialInsuranceMonths", "OUT_OF_RANGE",
                        "months of social insurance cannot be negative"));
            }
        }
        if (stay != null && type == EndorsementType.D) {
            required(path + ".stay.purpose", stay.purpose(), violations);
            required(path + ".stay.approvedUntil", stay.approvedUntil(), violations);
            if (stay.purpose() != null && destination != null && !stay.purpose().existsFor(destination)) {
                violations.add(new Violation(path + ".stay.purpose", "IMPOSSIBLE_COMBINATION",
                        "a stay endorsement for " + stay.purpose() + " does not exist for " + destination));
            }
        }
        if (other != null && type == EndorsementType.Q) {
            required(path + ".other.reason", other.reason(), violations);
        }
        if (talent != null && type == EndorsementType.TALENT) {
            required(path + ".talent.category", talent.category(), violations);
            if (!Region.isValid(talent.workRegion())) {
                violations.add(new Violation(path + ".talent.workRegion", "INVALID_REGION",
                        "work region must be a six-digit mainland GB/T 2260 code"));
            }
        }
        return violations;
    }

    private void details(String path, List<Violation> violations, String field, Object value, EndorsementType owner) {
        if (type == owner && value == null) {
            violations.add(new Violation(path + "." + field, "MISSING", field + " is required for a " + owner + " endorsement"));
        } else if (type != owner && value != null) {
            violations.add(new Violation(path + "." + field, "IMPOSSIBLE_COMBINATION",
                    field + " belongs to a " + owner + " endorsement, not " + type));
        }
    }

    private static void required(String field, Object value, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "MISSING", field + " is required"));
        }
    }
}

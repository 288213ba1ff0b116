package cn.hkmo.issuance.casefile;

import java.util.Optional;
import java.util.Set;

/**
 * Who acts, as the access rules need it; built from the kit's Caller in the REST layer, so the
 * rules themselves are plain Java.
 *
 * @param hallId       officers' hall ({@code hall_id})
 * @param reviewRegion reviewers' province code ({@code review_region})
 */
public record Actor(String subject, Set<String> roles, Optional<String> hallId, Optional<String> reviewRegion) {

    public static final String CITIZEN = "citizen";
    public static final String OFFICER = "officer";
    public static final String REVIEWER = "reviewer";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String COURIER = "courier";

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Supervisors and admins oversee every hall and region. */
    public boolean oversees() {
        return has(SUPERVISOR) || has(ADMIN);
    }
}

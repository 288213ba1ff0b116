package cn.hkmo.issuance.casefile;

import java.util.Optional;
import java.util.Set;

/**
 * Who acts, as the access rules need it; built from the kit's Caller in the REST layer, so the
 * rules themselves are plain Java.
 *
 * @param hallId       officers' hall ({@code hall_id})
 * @param reviewRegion reviewers' province code ({@code review_region})
 * @param viaPartner   a partner platform calling with a token the citizen granted it
 * @param scopes       the token's OAuth scopes: for a partner, what the citizen consented to
 */
public record Actor(String subject, Set<String> roles, Optional<String> hallId, Optional<String> reviewRegion,
                    boolean viaPartner, Set<String> scopes) {

    public static final String CITIZEN = "citizen";
    public static final String OFFICER = "officer";
    public static final String REVIEWER = "reviewer";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String COURIER = "courier";

    /** Someone calling for themself (a citizen in the suite's own apps, staff, a service account). */
    public Actor(String subject, Set<String> roles, Optional<String> hallId, Optional<String> reviewRegion) {
        this(subject, roles, hallId, reviewRegion, false, Set.of());
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Supervisors and admins oversee every hall and region. */
    public boolean oversees() {
        return has(SUPERVISOR) || has(ADMIN);
    }

    /** Officers and reviewers: bound to a hall or a province, they are told when a case is outside it. */
    public boolean scopedStaff() {
        return has(OFFICER) || has(REVIEWER);
    }

    /** Whether the citizen gave this scope: always, when they call themself. */
    public boolean consented(String scope) {
        return !viaPartner || scopes.contains(scope);
    }
}

package cn.hkmo.kit.identity;

import cn.hkmo.kit.problem.KitError;
import cn.hkmo.kit.problem.ProblemException;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, read from the validated access token: the claims of the suite's realm
 * (docs/conventions.md, Security) under domain names.
 */
@RequestScoped
public class Caller {

    public static final String CITIZEN = "citizen";
    public static final String OFFICER = "officer";
    public static final String REVIEWER = "reviewer";
    public static final String SUPERVISOR = "supervisor";
    public static final String ADMIN = "admin";
    public static final String PARTNER = "partner";
    public static final String COURIER = "courier";
    public static final String FACE_VERIFIED = "face-verified";
    /** The consent a citizen gives a partner to book, reschedule and cancel, and to follow what the booking became. */
    public static final String BOOKING_SCOPE = "booking";
    /** The consent a citizen gives a partner to read and pay their fee orders. */
    public static final String PAYMENT_SCOPE = "payment";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final Clock clock;
    private final Set<String> partnerClients;

    @Inject
    Caller(SecurityIdentity identity, JsonWebToken token, Clock clock, PartnerClients partners) {
        this(identity, token, clock, partners.ids);
    }

    public Caller(SecurityIdentity identity, JsonWebToken token, Clock clock, Set<String> partnerClients) {
        this.identity = identity;
        this.token = token;
        this.clock = clock;
        this.partnerClients = partnerClients;
    }

    public boolean authenticated() {
        return !identity.isAnonymous();
    }

    /** The token's {@code sub}: stable per user or service account; owner of bookings and idempotency keys. */
    public String subject() {
        return authenticated() ? token.getSubject() : null;
    }

    /** The citizen's resident ID ({@code resident_id}), validated; empty for staff and services. */
    public Optional<ResidentId> residentId() {
        return claim("resident_id").map(number -> ResidentId.parse(number, LocalDate.now(clock)));
    }

    public Optional<String> name() {
        return claim("name");
    }

    public Optional<String> mobile() {
        return claim("mobile");
    }

    /** Realm roles ({@code realm_access.roles}). */
    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The hall an officer works at ({@code hall_id}), e.g. {@code BJ-CHAOYANG}. */
    public Optional<String> hallId() {
        return claim("hall_id");
    }

    /** The province a reviewer reviews ({@code review_region}), e.g. {@code 110000}. */
    public Optional<String> reviewRegion() {
        return claim("review_region");
    }

    /** The client the token was issued to ({@code azp}): {@code hkmo-h5}, {@code alipay-partner}... */
    public Optional<String> clientId() {
        return claim("azp");
    }

    /** OAuth scopes granted ({@code scope}, space separated). */
    public Set<String> scopes() {
        return claim("scope")
                .map(scope -> Arrays.stream(scope.trim().split("\\s+")).filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    public boolean hasScope(String scope) {
        return scopes().contains(scope);
    }

    /** The real-person (face) check passed upstream ({@code identity_assurance = face-verified}). */
    public boolean faceVerified() {
        return claim("identity_assurance").filter(FACE_VERIFIED::equals).isPresent();
    }

    /**
     * A partner platform acting for a citizen may do only what the citizen consented to: {@link #BOOKING_SCOPE} for
     * booking and following it, {@link #PAYMENT_SCOPE} for paying (docs/partners.md); with its own token, for which no
     * citizen consented to anything, it may do none of it. Anyone else passes.
     *
     * @throws ProblemException {@code PARTNER_NOT_AUTHORISED} (403), the one answer of every service to a missing scope
     */
    public void requireConsent(String scope) {
        if (partnerOwnToken() || actingForCitizen() && !hasScope(scope)) {
            throw notAuthorised(scope);
        }
    }

    /** The answer to a partner platform without the citizen's consent to {@code scope}. */
    public static ProblemException notAuthorised(String scope) {
        return new ProblemException(KitError.PARTNER_NOT_AUTHORISED, scope);
    }

    /**
     * A partner platform calling with its own client-credentials token (role {@value #PARTNER} or a partner client,
     * no citizen): it reads public data, and is refused a citizen's business as a partner without consent is.
     */
    public boolean partnerOwnToken() {
        return !hasRole(CITIZEN) && (hasRole(PARTNER) || clientId().filter(partnerClients::contains).isPresent());
    }

    /** A partner platform (e.g. Alipay) calling with a token a citizen granted it, not with its own account. */
    public boolean actingForCitizen() {
        return clientId().filter(partnerClients::contains).isPresent() && hasRole(CITIZEN);
    }

    /**
     * Booking and paying need a citizen whose identity passed the real-person check.
     *
     * @return the citizen's resident ID
     * @throws ProblemException {@code FORBIDDEN} if not a citizen, {@code IDENTITY_NOT_VERIFIED} without the check
     */
    public ResidentId requireVerifiedCitizen() {
        if (!hasRole(CITIZEN)) {
            throw new ProblemException(KitError.FORBIDDEN);
        }
        Optional<ResidentId> residentId = residentId();
        if (!faceVerified() || residentId.isEmpty()) {
            throw new ProblemException(KitError.IDENTITY_NOT_VERIFIED);
        }
        return residentId.get();
    }

    /**
     * Read from the principal's own claims where it has them: smallrye-jwt's {@code getClaim} first looks the name up
     * in the standard {@code Claims} enum, and throws (stack trace and all) for every other name, as the realm's own
     * ({@code resident_id}, {@code identity_assurance}, {@code scope}...) are: 2% of a booking's CPU when profiled.
     */
    private Optional<String> claim(String name) {
        if (!authenticated()) {
            return Optional.empty();
        }
        Object value = identity.getPrincipal() instanceof OidcJwtCallerPrincipal jwt
                ? jwt.getClaims().getClaimValue(name) : token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}

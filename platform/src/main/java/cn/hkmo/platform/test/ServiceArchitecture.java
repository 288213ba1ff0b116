package cn.hkmo.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The rules every service keeps (docs/conventions.md, "Architecture rules"), checked by each service's
 * {@code ArchitectureTest} on its own main classes.
 */
public final class ServiceArchitecture {

    private static final List<String> SERVICES = List.of("cn.hkmo.appointment", "cn.hkmo.eligibility", "cn.hkmo.fee",
            "cn.hkmo.issuance", "cn.hkmo.notification", "cn.hkmo.gateway");
    private static final String INBOX = "cn.hkmo.kit.inbox.Inbox";

    private ServiceArchitecture() {
    }

    /** The service's main classes, found under its root package (e.g. {@code cn.hkmo.appointment}). */
    public static JavaClasses of(String rootPackage) {
        // Its own classes only: what they use from the kit and libraries is still seen, by name.
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS).importPackages(rootPackage);
    }

    /** All the rules, for one assertion per service. */
    public static ArchRule rules(String rootPackage) {
        return CompositeArchRule.of(noPackageCycles(rootPackage)).and(resourcesStayThin(rootPackage))
                .and(noOtherService(rootPackage)).and(consumersGoThroughTheInbox(rootPackage));
    }

    /** Feature packages may use each other one way only, so each can be read and changed alone. */
    public static ArchRule noPackageCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }

    /** A REST resource maps HTTP to a feature's plain classes; storage and events are theirs, not its own. */
    public static ArchRule resourcesStayThin(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..").and().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould().dependOnClassesThat().resideInAPackage("cn.hkmo.kit.outbox..")
                .because("a resource stays thin: its feature's classes write, and publish in the same transaction")
                .allowEmptyShould(true); // the gateway routes with Vert.x, without JAX-RS resources
    }

    /** Services share the kit and the event contracts, never each other's code. */
    public static ArchRule noOtherService(String rootPackage) {
        String[] others = SERVICES.stream().filter(s -> !s.equals(rootPackage)).map(s -> s + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(rootPackage + "..").should().dependOnClassesThat()
                .resideInAnyPackage(others);
    }

    /** A Kafka consumer hands every record to the kit's inbox, which keeps each event applied once. */
    public static ArchRule consumersGoThroughTheInbox(String rootPackage) {
        return classes().that().resideInAPackage(rootPackage + "..").and(consumeEvents())
                .should().dependOnClassesThat().haveFullyQualifiedName(INBOX)
                .allowEmptyShould(true);
    }

    private static DescribedPredicate<JavaClass> consumeEvents() {
        return DescribedPredicate.describe("consume Kafka records (@Incoming)", c -> c.getMethods().stream()
                .anyMatch(m -> m.isAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming")));
    }
}

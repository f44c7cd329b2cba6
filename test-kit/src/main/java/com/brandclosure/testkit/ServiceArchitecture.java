package com.brandclosure.testkit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one service skeleton, checked the same way in all five services:
 * {@code domain/ application/ web/ messaging/ persistence/ config/} (plus {@code ops/} where a service
 * has operator views) under the service's root package; the domain depends on nothing but
 * {@code java.*} and the platform kernel and never reads the clock or makes random ids; the
 * application layer does not reach into the web layer; configuration classes are named
 * {@code *Configuration}; every layer has a package-info.
 */
public final class ServiceArchitecture {

    /** The top-level packages every service has. */
    public static final List<String> LAYERS = List.of("application", "config", "domain", "messaging", "persistence",
            "web");
    private static final Set<String> OPTIONAL = Set.of("ops");

    private final String root;
    private final JavaClasses classes;

    private ServiceArchitecture(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** The checks for the service whose root package is {@code root} (e.g. {@code com.brandclosure.catalog}). */
    public static ServiceArchitecture of(String root) {
        return new ServiceArchitecture(root);
    }

    /** Runs every check. */
    public void check() {
        hasTheLayers();
        domainIsPure();
        domainNeverReadsTheClockOrMakesRandomIds();
        applicationDoesNotUseTheWebLayer();
        configurationClassesAreNamedConfiguration();
    }

    public void hasTheLayers() {
        Set<String> found = new TreeSet<>();
        Set<String> withInfo = new TreeSet<>();
        for (JavaClass c : classes) {
            String pkg = c.getPackageName();
            if (pkg.length() > root.length() && pkg.startsWith(root + ".")) {
                String top = pkg.substring(root.length() + 1).split("\\.")[0];
                found.add(top);
                if (c.getSimpleName().equals("package-info") && pkg.equals(root + "." + top)) {
                    withInfo.add(top);
                }
            }
        }
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(LAYERS);
        unexpected.removeAll(OPTIONAL);
        assertEquals(new TreeSet<>(LAYERS), intersect(found), "top-level packages of " + root);
        assertTrue(unexpected.isEmpty(), "packages outside the skeleton in " + root + ": " + unexpected);
        Set<String> missingInfo = new TreeSet<>(found);
        missingInfo.removeAll(withInfo);
        assertTrue(missingInfo.isEmpty(), "layers without a package-info in " + root + ": " + missingInfo);
    }

    private static Set<String> intersect(Set<String> found) {
        Set<String> s = new TreeSet<>(found);
        s.retainAll(LAYERS);
        return s;
    }

    public void domainIsPure() {
        classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.brandclosure.platform.kernel..", root + ".domain..")
                .check(classes);
    }

    public void domainNeverReadsTheClockOrMakesRandomIds() {
        noClasses().that().resideInAPackage(root + ".domain..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .check(classes);
    }

    public void applicationDoesNotUseTheWebLayer() {
        noClasses().that().resideInAPackage(root + ".application..")
                .should().dependOnClassesThat().resideInAPackage(root + ".web..")
                .check(classes);
    }

    public void configurationClassesAreNamedConfiguration() {
        classes().that().resideInAPackage(root + ".config..")
                .and().areAnnotatedWith(org.springframework.context.annotation.Configuration.class)
                .should().haveSimpleNameEndingWith("Configuration")
                .allowEmptyShould(true)
                .check(classes);
    }
}

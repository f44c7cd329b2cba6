package com.brandclosure.testkit;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import com.tngtech.archunit.lang.ArchRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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

    private ServiceArchitecture(String root, boolean includeTests) {
        this.root = root;
        ClassFileImporter importer = new ClassFileImporter();
        if (!includeTests) {
            importer = importer.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        }
        this.classes = importer.importPackages(root);
    }

    /** The same checks over classes that may sit in test sources: for the kit's own tests of these checks. */
    static ServiceArchitecture includingTests(String root) {
        return new ServiceArchitecture(root, true);
    }

    /** The checks for the service whose root package is {@code root} (e.g. {@code com.brandclosure.catalog}). */
    public static ServiceArchitecture of(String root) {
        return new ServiceArchitecture(root, false);
    }

    /** Every violation of every check (empty when the service keeps the skeleton). */
    public List<String> violations() {
        List<String> all = new ArrayList<>();
        all.addAll(hasTheLayers());
        all.addAll(domainIsPure());
        all.addAll(domainNeverReadsTheClockOrMakesRandomIds());
        all.addAll(applicationDoesNotUseTheWebLayer());
        all.addAll(configurationClassesAreNamedConfiguration());
        return all;
    }

    /** The top-level packages missing or outside the skeleton, and layers without a package-info. */
    public List<String> hasTheLayers() {
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
        List<String> violations = new ArrayList<>();
        Set<String> missing = new TreeSet<>(LAYERS);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            violations.add("layers missing in " + root + ": " + missing);
        }
        Set<String> unexpected = new TreeSet<>(found);
        unexpected.removeAll(LAYERS);
        unexpected.removeAll(OPTIONAL);
        if (!unexpected.isEmpty()) {
            violations.add("packages outside the skeleton in " + root + ": " + unexpected);
        }
        Set<String> missingInfo = new TreeSet<>(found);
        missingInfo.removeAll(withInfo);
        if (!missingInfo.isEmpty()) {
            violations.add("layers without a package-info in " + root + ": " + missingInfo);
        }
        return violations;
    }

    /**
     * Domain classes that depend on anything but {@code java.*} (JDBC's {@code java.sql} excluded), the
     * platform kernel and the domain.
     */
    public List<String> domainIsPure() {
        return violationsOf(classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..",
                                "com.brandclosure.platform.kernel..", root + ".domain..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage("java.sql.."))));
    }

    /** Domain code that reads the clock or makes random ids. */
    public List<String> domainNeverReadsTheClockOrMakesRandomIds() {
        return violationsOf(noClasses().that().resideInAPackage(root + ".domain..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.util.UUID.class, "randomUUID"));
    }

    /** Application classes that reach into the web layer. */
    public List<String> applicationDoesNotUseTheWebLayer() {
        return violationsOf(noClasses().that().resideInAPackage(root + ".application..")
                .should().dependOnClassesThat().resideInAPackage(root + ".web.."));
    }

    /** {@code @Configuration} classes not named {@code *Configuration}. */
    public List<String> configurationClassesAreNamedConfiguration() {
        return violationsOf(classes().that().resideInAPackage(root + ".config..")
                .and().areAnnotatedWith(org.springframework.context.annotation.Configuration.class)
                .should().haveSimpleNameEndingWith("Configuration")
                .allowEmptyShould(true));
    }

    private List<String> violationsOf(ArchRule rule) {
        return List.copyOf(rule.evaluate(classes).getFailureReport().getDetails());
    }
}

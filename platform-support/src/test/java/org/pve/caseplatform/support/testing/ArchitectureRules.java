package org.pve.caseplatform.support.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.stream.Stream;

/** The house rules every service is held to (STYLE.md), checked on its compiled classes. */
public final class ArchitectureRules {

    private static final List<String> SERVICES = List.of("referral", "assessment", "plan", "audit");

    private ArchitectureRules() {
    }

    /** Checks the service whose root package is {@code org.pve.caseplatform.<service>}. */
    public static void check(String service) {
        String root = "org.pve.caseplatform." + service;
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);

        NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(classes);
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);

        String[] otherServices = SERVICES.stream().filter(s -> !s.equals(service))
                .map(s -> "org.pve.caseplatform." + s + "..").toArray(String[]::new);
        noClasses().should().dependOnClassesThat().resideInAnyPackage(otherServices)
                .because("services never depend on each other, only on the contract").check(classes);

        noClasses().that().resideInAnyPackage(root + ".api..", root + ".command..", root + ".query..")
                .should().dependOnClassesThat().resideInAPackage(root + ".web..")
                .because("the web layer sits on top").check(classes);
        noClasses().that().resideInAPackage(root + ".query..")
                .should().dependOnClassesThat().resideInAPackage("org.axonframework.commandhandling..")
                .because("read models never send commands").check(classes);
        noClasses().that().areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..", "jakarta.servlet..")
                .because("aggregates hold domain rules only").allowEmptyShould(true).check(classes);
        classes().that().areAnnotatedWith("org.axonframework.spring.stereotype.Aggregate")
                .should().resideInAPackage(root + ".command..").andShould().notBePublic()
                .allowEmptyShould(true).check(classes);
        Stream.of(root + ".api..").forEach(api -> noClasses().that().resideInAPackage(api)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..")
                .because("the api holds messages and views, free of infrastructure").check(classes));
    }
}

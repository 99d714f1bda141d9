package org.pve.caseplatform.issuer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses issuer = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pve.caseplatform.issuer");

    @Test
    void theIssuerStaysIndependentOfThePlatformModules() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.pve.caseplatform.support..", "org.pve.caseplatform.contract..")
                .check(issuer);
    }

    @Test
    void theIssuerKeepsTheHouseRules() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(issuer);
        NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(issuer);
    }
}

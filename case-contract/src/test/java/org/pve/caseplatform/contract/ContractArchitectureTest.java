package org.pve.caseplatform.contract;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ContractArchitectureTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pve.caseplatform.contract");

    @Test
    void theContractDependsOnNothingButTheJdkAndJackson() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", "org.pve.caseplatform.contract..")
                .because("integrators and every service share it: no Spring, no persistence, no business logic")
                .check(contract);
    }

    @Test
    void everyCataloguedEventIsARecordOfACase() {
        classes().that().implement(CaseEvent.class).should().beRecords().check(contract);
    }
}

package org.pve.caseplatform.reconciliation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** What would change a store: reconciliation must be safe to run against production at any time. */
    private static final Set<String> WRITES = Set.of("insertOne", "insertMany", "updateOne", "updateMany",
            "replaceOne", "deleteOne", "deleteMany", "findOneAndUpdate", "findOneAndReplace", "findOneAndDelete",
            "bulkWrite", "drop", "createIndex", "createIndexes", "dropIndex", "dropIndexes", "renameCollection",
            "createCollection");

    private final JavaClasses reconciliation = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.pve.caseplatform.reconciliation");

    @Test
    void reconciliationOnlyReadsTheStores() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a MongoDB write",
                        call -> WRITES.contains(call.getTarget().getName())
                                && (call.getTargetOwner().isAssignableTo(MongoCollection.class)
                                || call.getTargetOwner().isAssignableTo(MongoDatabase.class))))
                .check(reconciliation);
    }

    @Test
    void reconciliationReadsTheStoresNotTheServicesCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.pve.caseplatform.support..",
                "org.pve.caseplatform.referral..", "org.pve.caseplatform.assessment..", "org.pve.caseplatform.plan..",
                "org.pve.caseplatform.audit..").check(reconciliation);
    }

    @Test
    void onlyTheCommandPrints() {
        noClasses().that().doNotHaveSimpleName("ReconcileCommand").should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err").check(reconciliation);
    }
}

package org.pve.caseplatform.audit;

import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.testing.ArchitectureRules;

class ArchitectureTest {

    @Test
    void auditServiceKeepsTheHouseRules() {
        ArchitectureRules.check("audit");
    }
}

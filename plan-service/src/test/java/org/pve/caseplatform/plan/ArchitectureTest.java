package org.pve.caseplatform.plan;

import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.testing.ArchitectureRules;

class ArchitectureTest {

    @Test
    void planServiceKeepsTheHouseRules() {
        ArchitectureRules.check("plan");
    }
}

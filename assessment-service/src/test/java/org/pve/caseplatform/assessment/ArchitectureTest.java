package org.pve.caseplatform.assessment;

import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.testing.ArchitectureRules;

class ArchitectureTest {

    @Test
    void assessmentServiceKeepsTheHouseRules() {
        ArchitectureRules.check("assessment");
    }
}

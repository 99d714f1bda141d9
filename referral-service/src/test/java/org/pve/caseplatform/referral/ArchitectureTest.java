package org.pve.caseplatform.referral;

import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.testing.ArchitectureRules;

class ArchitectureTest {

    @Test
    void referralServiceKeepsTheHouseRules() {
        ArchitectureRules.check("referral");
    }
}

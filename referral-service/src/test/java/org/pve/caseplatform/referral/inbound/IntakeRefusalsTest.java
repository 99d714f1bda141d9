package org.pve.caseplatform.referral.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.support.domain.LifecycleViolation;
import org.pve.caseplatform.support.web.InvalidRequest;

class IntakeRefusalsTest {

    @Test
    void aRuleIntakeEnforcesIsARefusalNamingTheField() {
        assertThat(IntakeRefusals.of(new InvalidRequest("districtId", "is not a known district")))
                .map(Reading.Refused::reason).contains("$.districtId: is not a known district");
        assertThat(IntakeRefusals.of(new CommandExecutionException("failed",
                new LifecycleViolation("subject", "is sealed"))))
                .map(Reading.Refused::reason).contains("$.subject: is sealed");
    }

    @Test
    void aWrongArgumentIsARefusalThatDoesNotQuoteItsMessage() {
        assertThat(IntakeRefusals.of(new IllegalArgumentException("unknown district Mika Testlund")))
                .map(Reading.Refused::reason).contains("$: refused by intake (IllegalArgumentException)");
    }

    @Test
    void anUnreachableDatabaseIsNoRefusal() {
        assertThat(IntakeRefusals.of(new MongoSocketOpenException("refused", new ServerAddress()))).isEmpty();
        assertThat(IntakeRefusals.of(new IllegalStateException("the unit of work failed",
                new MongoSocketOpenException("refused", new ServerAddress())))).isEmpty();
    }
}

package org.pve.caseplatform.referral.command;

import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.FamilyMember;
import org.pve.caseplatform.contract.FamilyRelation;
import org.pve.caseplatform.contract.referral.CaseAddedToFamily;
import org.pve.caseplatform.contract.referral.FamilyGroupFormed;
import org.pve.caseplatform.referral.api.AddCaseToFamily;
import org.pve.caseplatform.referral.api.FormFamilyGroup;
import org.pve.caseplatform.support.domain.LifecycleViolation;

class FamilyTest {

    private static final UUID FAMILY = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    private static final UUID ELDER = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID YOUNGER = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final UUID MOTHER = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    private static final List<FamilyMember> BROTHERS = List.of(new FamilyMember(ELDER, FamilyRelation.SIBLING),
            new FamilyMember(YOUNGER, FamilyRelation.SIBLING));

    private AggregateTestFixture<Family> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Family.class);
    }

    @Test
    void aFamilyIsFormedUnderItsFoundingMembersCase() {
        fixture.givenNoPriorActivity()
                .when(new FormFamilyGroup(FAMILY, "uk-luton", BROTHERS, "social-worker-dee"))
                .expectEvents(formed());
    }

    @Test
    void aFamilyGroupsAtLeastTwoCases() {
        fixture.givenNoPriorActivity()
                .when(new FormFamilyGroup(FAMILY, "uk-luton", List.of(BROTHERS.get(0)), "social-worker-dee"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aFamilyNamesEachCaseOnce() {
        fixture.givenNoPriorActivity()
                .when(new FormFamilyGroup(FAMILY, "uk-luton", List.of(BROTHERS.get(0), BROTHERS.get(0)),
                        "social-worker-dee"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aParentsCaseJoinsTheFamily() {
        fixture.given(formed())
                .when(new AddCaseToFamily(FAMILY, MOTHER, "uk-luton", FamilyRelation.PARENT, "social-worker-dee"))
                .expectEvents(new CaseAddedToFamily(MOTHER, "uk-luton", fixture.currentTime(), FAMILY,
                        FamilyRelation.PARENT, "social-worker-dee"));
    }

    @Test
    void aMemberIsAddedOnlyOnce() {
        fixture.given(formed(), new CaseAddedToFamily(MOTHER, "uk-luton", fixture.currentTime(), FAMILY,
                        FamilyRelation.PARENT, "social-worker-dee"))
                .when(new AddCaseToFamily(FAMILY, YOUNGER, "uk-luton", FamilyRelation.SIBLING, "social-worker-dee"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    private FamilyGroupFormed formed() {
        return new FamilyGroupFormed(ELDER, "uk-luton", fixture.currentTime(), FAMILY, BROTHERS, "social-worker-dee");
    }
}

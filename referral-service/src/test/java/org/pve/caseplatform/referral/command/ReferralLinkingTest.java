package org.pve.caseplatform.referral.command;

import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.referral.ProbableMatchRejected;
import org.pve.caseplatform.contract.referral.ReferralLinkedToCase;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.ReferralUnlinkedFromCase;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.referral.api.ClearSecurityScreen;
import org.pve.caseplatform.referral.api.LinkReferralToCase;
import org.pve.caseplatform.referral.api.ReceiveReferral;
import org.pve.caseplatform.referral.api.RejectProbableMatch;
import org.pve.caseplatform.referral.api.UnlinkReferralFromCase;
import org.pve.caseplatform.support.domain.LifecycleViolation;

class ReferralLinkingTest {

    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID OWN_CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID OPEN_CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c2");
    private static final UUID OTHER_CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c3");
    private static final UUID FRESH_CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c4");
    private static final EncryptedValue IDENTITY = EncryptedValue.of("sub-1", "aXY=", "Y2lwaGVy");
    private static final EncryptedValue CONCERN = EncryptedValue.of("sub-1", "aXY=", "Y29uY2Vybg==");

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
    }

    @Test
    void anExactMatchJoinsTheOpenCaseAutomaticallyWithNoCaseBefore() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveReferral(REFERRAL, OPEN_CASE, "dk-fyn", "0461", Channel.AGENCY, Agency.HEALTH,
                        "ext-2", "sub-1", IDENTITY, AgeBand.AGE_16_17, List.of(ConcernCategory.ISLAMIST), CONCERN,
                        true))
                .expectEvents(received(OPEN_CASE), linked(OPEN_CASE, null, ReferralLinkedToCase.AUTOMATIC));
    }

    @Test
    void aReferralOfItsOwnIsNotLinked() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveReferral(REFERRAL, OWN_CASE, "dk-fyn", "0461", Channel.AGENCY, Agency.HEALTH,
                        "ext-2", "sub-1", IDENTITY, AgeBand.AGE_16_17, List.of(ConcernCategory.ISLAMIST), CONCERN))
                .expectEvents(received(OWN_CASE));
    }

    @Test
    void theScreenerLinksAWaitingReferralToAProposedCase() {
        fixture.given(received(OWN_CASE))
                .when(new LinkReferralToCase(REFERRAL, OPEN_CASE, "screener-ole"))
                .expectEvents(linked(OPEN_CASE, OWN_CASE, "screener-ole"));
    }

    @Test
    void aLinkedReferralIsScreenedOnTheCaseItJoined() {
        fixture.given(received(OWN_CASE), linked(OPEN_CASE, OWN_CASE, "screener-ole"))
                .when(new ClearSecurityScreen(REFERRAL, "screener-ole", "no security concern"))
                .expectEvents(new SecurityScreenCleared(OPEN_CASE, "dk-fyn", fixture.currentTime(), REFERRAL,
                        "sub-1", "screener-ole", "no security concern"));
    }

    @Test
    void aScreenedReferralIsNoLongerLinked() {
        fixture.given(received(OWN_CASE), cleared(OWN_CASE))
                .when(new LinkReferralToCase(REFERRAL, OPEN_CASE, "screener-ole"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aLinkedReferralIsNotLinkedElsewhereUntilTheLinkIsUndone() {
        fixture.given(received(OWN_CASE), linked(OPEN_CASE, OWN_CASE, "screener-ole"))
                .when(new LinkReferralToCase(REFERRAL, OTHER_CASE, "screener-kim"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void undoingALinkRestoresTheReferralsOwnCase() {
        fixture.given(received(OWN_CASE), linked(OPEN_CASE, OWN_CASE, "screener-ole"))
                .when(new UnlinkReferralFromCase(REFERRAL, FRESH_CASE, "screener-kim", "another boy"))
                .expectEvents(new ReferralUnlinkedFromCase(OPEN_CASE, "dk-fyn", fixture.currentTime(), REFERRAL,
                        OWN_CASE, "screener-kim", "another boy"));
    }

    @Test
    void undoingAnAutomaticLinkGivesTheReferralACaseOfItsOwn() {
        fixture.given(received(OPEN_CASE), linked(OPEN_CASE, null, ReferralLinkedToCase.AUTOMATIC))
                .when(new UnlinkReferralFromCase(REFERRAL, FRESH_CASE, "screener-kim", "namesake"))
                .expectEvents(new ReferralUnlinkedFromCase(OPEN_CASE, "dk-fyn", fixture.currentTime(), REFERRAL,
                        FRESH_CASE, "screener-kim", "namesake"));
    }

    @Test
    void aLinkCanBeUndoneAfterScreening() {
        fixture.given(received(OWN_CASE), linked(OPEN_CASE, OWN_CASE, "screener-ole"), cleared(OPEN_CASE))
                .when(new UnlinkReferralFromCase(REFERRAL, FRESH_CASE, "screener-kim", "wrong person"))
                .expectEvents(new ReferralUnlinkedFromCase(OPEN_CASE, "dk-fyn", fixture.currentTime(), REFERRAL,
                        OWN_CASE, "screener-kim", "wrong person"));
    }

    @Test
    void onlyALinkedReferralCanBeUnlinked() {
        fixture.given(received(OWN_CASE), linked(OPEN_CASE, OWN_CASE, "screener-ole"),
                        new ReferralUnlinkedFromCase(OPEN_CASE, "dk-fyn", fixture.currentTime(), REFERRAL, OWN_CASE,
                                "screener-kim", "wrong person"))
                .when(new UnlinkReferralFromCase(REFERRAL, FRESH_CASE, "screener-kim", "again"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aRejectedMatchIsRecordedOnce() {
        fixture.given(received(OWN_CASE))
                .when(new RejectProbableMatch(REFERRAL, OTHER_CASE, "screener-ole"))
                .expectEvents(rejected());
        fixture.given(received(OWN_CASE), rejected())
                .when(new RejectProbableMatch(REFERRAL, OTHER_CASE, "screener-ole"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRejectedCaseCannotBeLinked() {
        fixture.given(received(OWN_CASE), rejected())
                .when(new LinkReferralToCase(REFERRAL, OTHER_CASE, "screener-kim"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theCaseAReferralIsOnCannotBeRejected() {
        fixture.given(received(OWN_CASE), linked(OPEN_CASE, OWN_CASE, "screener-ole"))
                .when(new RejectProbableMatch(REFERRAL, OPEN_CASE, "screener-kim"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    private ReferralReceived received(UUID caseId) {
        return new ReferralReceived(caseId, "dk-fyn", fixture.currentTime(), REFERRAL, "0461", Channel.AGENCY,
                Agency.HEALTH, "ext-2", "sub-1", IDENTITY, AgeBand.AGE_16_17, List.of(ConcernCategory.ISLAMIST),
                CONCERN);
    }

    private ReferralLinkedToCase linked(UUID caseId, UUID previousCaseId, String linkedBy) {
        return new ReferralLinkedToCase(caseId, "dk-fyn", fixture.currentTime(), REFERRAL, previousCaseId, linkedBy);
    }

    private SecurityScreenCleared cleared(UUID caseId) {
        return new SecurityScreenCleared(caseId, "dk-fyn", fixture.currentTime(), REFERRAL, "sub-1", "screener-ole",
                "fine");
    }

    private ProbableMatchRejected rejected() {
        return new ProbableMatchRejected(OWN_CASE, "dk-fyn", fixture.currentTime(), REFERRAL, OTHER_CASE,
                "screener-ole");
    }
}

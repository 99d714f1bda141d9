package org.pve.caseplatform.referral.command;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.NoFurtherActionReason;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.ScreeningOverdue;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.referral.api.ClearSecurityScreen;
import org.pve.caseplatform.referral.api.CloseReferralNoFurtherAction;
import org.pve.caseplatform.referral.api.EscalateReferralToSecurity;
import org.pve.caseplatform.referral.api.MarkScreeningOverdue;
import org.pve.caseplatform.referral.api.ReturnReferralFromSecurity;
import org.pve.caseplatform.support.domain.LifecycleViolation;

/** The screen in depth: Channel liaison, sealing, the hand-back and the screening deadline. */
class ScreeningOutcomesTest {

    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-0000000003a1");
    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000003c1");
    private static final String DISTRICT = "uk-luton";
    private static final EncryptedValue IDENTITY = EncryptedValue.of("sub-3", "aXY=", "Y2lwaGVy");
    private static final EncryptedValue CONCERN = EncryptedValue.of("sub-3", "aXY=", "Y29uY2Vybg==");
    private static final Instant DUE = Instant.parse("2030-01-04T09:00:00Z");

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
    }

    @Test
    void channelLiaisonIsRecordedAndTheCaseStaysOnThePreventiveTrack() {
        fixture.given(received())
                .when(new EscalateReferralToSecurity(REFERRAL, "screener-amara", SecurityDestination.CHANNEL_PANEL,
                        "Channel threshold met"))
                .expectEvents(escalated(SecurityDestination.CHANNEL_PANEL),
                        new SecurityScreenCleared(CASE, DISTRICT, fixture.currentTime(), REFERRAL, "sub-3",
                                "screener-amara", Referral.CHANNEL_LIAISON + "Channel threshold met"));
    }

    @Test
    void aChannelLiaisonIsNotASealAndCannotBeReturned() {
        fixture.given(received(), escalated(SecurityDestination.CHANNEL_PANEL), cleared())
                .when(handBack())
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aReferralSealedByEscalationIsHandedBackWithTheRationale() {
        fixture.given(received(), escalated(SecurityDestination.POLICE_INVESTIGATION))
                .when(handBack())
                .expectEvents(returned());
    }

    @Test
    void aReferralEscalatedToTheIntelligenceServiceIsSealedAndOnlyAHandBackMovesIt() {
        fixture.given(received(), escalated(SecurityDestination.INTELLIGENCE_SERVICE))
                .when(new ClearSecurityScreen(REFERRAL, "screener-amara", "second look"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aReferralStillAwaitingScreeningCannotBeReturned() {
        fixture.given(received())
                .when(handBack())
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aClosedReferralCannotBeReturned() {
        fixture.given(received(), new ReferralClosedNoFurtherAction(CASE, DISTRICT, fixture.currentTime(), REFERRAL,
                        "screener-amara", NoFurtherActionReason.NO_CONCERN, "no concern"))
                .when(handBack())
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aReturnedReferralResumesWaitingAndTheScreenerCanThenClearIt() {
        fixture.given(received(), escalated(SecurityDestination.POLICE_INVESTIGATION), returned())
                .when(new ClearSecurityScreen(REFERRAL, "screener-amara", "investigation found no offence"))
                .expectEvents(new SecurityScreenCleared(CASE, DISTRICT, fixture.currentTime(), REFERRAL, "sub-3",
                        "screener-amara", "investigation found no offence"));
    }

    @Test
    void aReturnedReferralCanBeClosedWithoutFurtherAction() {
        fixture.given(received(), escalated(SecurityDestination.INTELLIGENCE_SERVICE), returned())
                .when(new CloseReferralNoFurtherAction(REFERRAL, "screener-amara",
                        NoFurtherActionReason.REFERRED_ELSEWHERE, "handled by the intelligence service"))
                .expectEvents(new ReferralClosedNoFurtherAction(CASE, DISTRICT, fixture.currentTime(), REFERRAL,
                        "screener-amara", NoFurtherActionReason.REFERRED_ELSEWHERE,
                        "handled by the intelligence service"));
    }

    @Test
    void aReturnedReferralCannotBeReturnedAgainUntilItIsEscalatedAgain() {
        fixture.given(received(), escalated(SecurityDestination.POLICE_INVESTIGATION), returned())
                .when(handBack())
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aReferralStillWaitingPastItsDeadlineBecomesOverdue() {
        fixture.given(received())
                .when(new MarkScreeningOverdue(REFERRAL, DUE))
                .expectEvents(new ScreeningOverdue(CASE, DISTRICT, fixture.currentTime(), REFERRAL, DUE));
    }

    @Test
    void aDeadlineFiringASecondTimeEmitsNothing() {
        fixture.given(received(), new ScreeningOverdue(CASE, DISTRICT, fixture.currentTime(), REFERRAL, DUE))
                .when(new MarkScreeningOverdue(REFERRAL, DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeadlineFiringAfterTheScreenWasDecidedEmitsNothing() {
        fixture.given(received(), cleared())
                .when(new MarkScreeningOverdue(REFERRAL, DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeadlineFiringWhileTheReferralIsSealedEmitsNothing() {
        fixture.given(received(), escalated(SecurityDestination.INTELLIGENCE_SERVICE))
                .when(new MarkScreeningOverdue(REFERRAL, DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aDeadlineForAReferralThatWasNeverStoredFindsNothing() {
        fixture.givenNoPriorActivity()
                .when(new MarkScreeningOverdue(REFERRAL, DUE))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    private ReferralReceived received() {
        return new ReferralReceived(CASE, DISTRICT, fixture.currentTime(), REFERRAL, "luton", Channel.AGENCY,
                Agency.SOCIAL_SERVICES, "ext-3", "sub-3", IDENTITY, AgeBand.AGE_16_17,
                List.of(ConcernCategory.FAR_RIGHT), CONCERN);
    }

    private ReferralEscalatedToSecurity escalated(SecurityDestination destination) {
        return new ReferralEscalatedToSecurity(CASE, DISTRICT, fixture.currentTime(), REFERRAL, "screener-amara",
                destination, "Channel threshold met");
    }

    private SecurityScreenCleared cleared() {
        return new SecurityScreenCleared(CASE, DISTRICT, fixture.currentTime(), REFERRAL, "sub-3", "screener-amara",
                "no security response needed");
    }

    private ReturnReferralFromSecurity handBack() {
        return new ReturnReferralFromSecurity(REFERRAL, "officer-brennan", "no offence found");
    }

    private CaseReturnedFromSecurity returned() {
        return new CaseReturnedFromSecurity(CASE, DISTRICT, fixture.currentTime(), REFERRAL, "officer-brennan",
                "no offence found");
    }
}

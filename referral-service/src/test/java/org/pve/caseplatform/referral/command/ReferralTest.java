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
import org.pve.caseplatform.contract.NoFurtherActionReason;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.referral.api.ClearSecurityScreen;
import org.pve.caseplatform.referral.api.CloseReferralNoFurtherAction;
import org.pve.caseplatform.referral.api.EscalateReferralToSecurity;
import org.pve.caseplatform.referral.api.ReceiveReferral;
import org.pve.caseplatform.support.domain.LifecycleViolation;

class ReferralTest {

    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final EncryptedValue IDENTITY = EncryptedValue.of("sub-1", "aXY=", "Y2lwaGVy");
    private static final EncryptedValue CONCERN = EncryptedValue.of("sub-1", "aXY=", "Y29uY2Vybg==");

    private AggregateTestFixture<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
    }

    @Test
    void aReferralIsReceivedWithItsCase() {
        fixture.givenNoPriorActivity()
                .when(receive())
                .expectSuccessfulHandlerExecution()
                .expectEvents(received());
    }

    @Test
    void clearingTheScreenSendsTheCaseOnWithItsPseudonym() {
        fixture.given(received())
                .when(new ClearSecurityScreen(REFERRAL, "screener-ole", "no security concern"))
                .expectEvents(new SecurityScreenCleared(CASE, "dk-fyn", fixture.currentTime(), REFERRAL, "sub-1",
                        "screener-ole", "no security concern"));
    }

    @Test
    void escalationNamesWhereTheCaseWent() {
        fixture.given(received())
                .when(new EscalateReferralToSecurity(REFERRAL, "screener-ole", SecurityDestination.INTELLIGENCE_SERVICE,
                        "imminent risk"))
                .expectEvents(new ReferralEscalatedToSecurity(CASE, "dk-fyn", fixture.currentTime(), REFERRAL,
                        "screener-ole", SecurityDestination.INTELLIGENCE_SERVICE, "imminent risk"));
    }

    @Test
    void closingWithoutFurtherActionGivesTheReason() {
        fixture.given(received())
                .when(new CloseReferralNoFurtherAction(REFERRAL, "screener-ole", NoFurtherActionReason.NO_CONCERN,
                        "misunderstanding"))
                .expectEvents(new ReferralClosedNoFurtherAction(CASE, "dk-fyn", fixture.currentTime(), REFERRAL,
                        "screener-ole", NoFurtherActionReason.NO_CONCERN, "misunderstanding"));
    }

    @Test
    void aReferralIsScreenedOnlyOnce() {
        fixture.given(received(), new SecurityScreenCleared(CASE, "dk-fyn", fixture.currentTime(), REFERRAL,
                        "sub-1", "screener-ole", "fine"))
                .when(new CloseReferralNoFurtherAction(REFERRAL, "screener-kim", NoFurtherActionReason.NO_CONCERN,
                        "second opinion"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anEscalatedReferralCannotBeClearedAfterwards() {
        fixture.given(received(), new ReferralEscalatedToSecurity(CASE, "dk-fyn", fixture.currentTime(), REFERRAL,
                        "screener-ole", SecurityDestination.POLICE_INVESTIGATION, "risk"))
                .when(new ClearSecurityScreen(REFERRAL, "screener-kim", "changed my mind"))
                .expectException(LifecycleViolation.class)
                .expectNoEvents();
    }

    private ReceiveReferral receive() {
        return new ReceiveReferral(REFERRAL, CASE, "dk-fyn", "0461", Channel.AGENCY, Agency.EDUCATION, "ext-1",
                "sub-1", IDENTITY, AgeBand.AGE_16_17, List.of(ConcernCategory.FAR_RIGHT), CONCERN);
    }

    private ReferralReceived received() {
        return new ReferralReceived(CASE, "dk-fyn", fixture.currentTime(), REFERRAL, "0461", Channel.AGENCY,
                Agency.EDUCATION, "ext-1", "sub-1", IDENTITY, AgeBand.AGE_16_17, List.of(ConcernCategory.FAR_RIGHT),
                CONCERN);
    }
}

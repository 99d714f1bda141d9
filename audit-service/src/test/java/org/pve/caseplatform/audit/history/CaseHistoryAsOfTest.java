package org.pve.caseplatform.audit.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.query.CaseHistoryReader;
import org.pve.caseplatform.audit.query.Ledger;
import org.pve.caseplatform.audit.query.LedgerProjection;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ClosureOutcome;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.InterventionLevel;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;
import org.pve.caseplatform.contract.plan.CaseClosed;
import org.pve.caseplatform.contract.plan.PlanOpened;
import org.pve.caseplatform.contract.plan.ServiceCommissioned;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.domain.UnknownRecord;

/** The acceptance of issue 7: asOf returns the stage the case had at that instant, read from the ledger. */
class CaseHistoryAsOfTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000a50f1");
    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID COMMISSION = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final Instant RECEIVED = Instant.parse("2031-03-04T09:00:00Z");
    private static final Instant ESCALATED = Instant.parse("2031-03-04T11:00:00Z");
    private static final Instant RETURNED = Instant.parse("2031-03-06T11:00:00Z");
    private static final Instant CLEARED = Instant.parse("2031-03-07T09:00:00Z");
    private static final Instant AGREED = Instant.parse("2031-03-20T09:00:00Z");
    private static final Instant PLANNED = Instant.parse("2031-03-21T09:00:00Z");
    private static final Instant COMMISSIONED = Instant.parse("2031-03-22T09:00:00Z");
    private static final Instant CLOSED = Instant.parse("2031-06-01T09:00:00Z");

    private CaseHistoryReader histories;

    @BeforeEach
    void witnessTheWholeCase() {
        MongoDatabase database = Witnessed.freshDatabase();
        Ledger ledger = new Ledger(database);
        LedgerProjection projection = new LedgerProjection(ledger, Clock.fixed(CLOSED, ZoneOffset.UTC));
        histories = new CaseHistoryReader(ledger, keyRef -> true);
        long offset = 0;
        // delivered out of order across topics: the history orders them by when they happened
        for (var event : List.of(closed(), commissioned(), planned(), agreed(), received(), escalated(), returned(),
                cleared())) {
            projection.on(Witnessed.delivered(event, offset++));
        }
    }

    @Test
    void asOfEachInstantShowsTheStageTheCaseHadThen() {
        assertThat(stageAsOf(RECEIVED.minusSeconds(1))).isNull();
        assertThat(stageAsOf(RECEIVED)).isEqualTo(CaseStage.REFERRED);
        assertThat(stageAsOf(ESCALATED.plusSeconds(1))).isEqualTo(CaseStage.ESCALATED_TO_SECURITY);
        assertThat(stageAsOf(RETURNED.plusSeconds(1))).isEqualTo(CaseStage.REFERRED);
        assertThat(stageAsOf(CLEARED.plusSeconds(1))).isEqualTo(CaseStage.IN_ASSESSMENT);
        assertThat(stageAsOf(AGREED.plusSeconds(1))).isEqualTo(CaseStage.FORMULATION_AGREED);
        assertThat(stageAsOf(COMMISSIONED.plusSeconds(1))).isEqualTo(CaseStage.PLANNED);
        assertThat(stageAsOf(CLOSED)).isEqualTo(CaseStage.CLOSED);
    }

    @Test
    void asOfBeforeTheReferralTheLedgerKnowsNothingOfTheCase() {
        assertThatThrownBy(() -> histories.find(CASE, RECEIVED.minusSeconds(1)))
                .isInstanceOf(UnknownRecord.class);
    }

    @Test
    void asOfAfterTheCommissionItIsOpenAndTheLastDecisionIsTheAgreedFormulation() {
        CaseState state = staged(COMMISSIONED.plusSeconds(1)).stateAsOf();

        assertThat(state.openCommissions()).extracting(OpenCommission::commissionId)
                .containsExactly(COMMISSION.toString());
        assertThat(state.lastDecision().eventType()).isEqualTo("FormulationAgreed");
        assertThat(state.lastDecision().outcome()).isEqualTo("TARGETED");
    }

    @Test
    void asOfDuringTheEscalationTheLastDecisionIsTheScreenersWithItsActor() {
        Decision decision = staged(ESCALATED.plusSeconds(1)).stateAsOf().lastDecision();

        assertThat(decision).isEqualTo(new Decision("ReferralEscalatedToSecurity", ESCALATED, "screener-ole",
                "POLICE_INVESTIGATION"));
    }

    @Test
    void theDurationsStopAtTheMilestonesReachedByAsOf() {
        StageDurations early = staged(AGREED.plusSeconds(1)).stageDurations();
        StageDurations whole = staged(null).stageDurations();

        assertThat(early.referralToScreening()).isEqualTo("PT2H");
        assertThat(early.screeningToFormulation()).isEqualTo("PT382H");
        assertThat(early.formulationToFirstCommission()).isNull();
        assertThat(early.referralToClosure()).isNull();
        assertThat(whole.formulationToFirstCommission()).isEqualTo("PT48H");
        assertThat(whole.referralToClosure()).isEqualTo("PT2136H");
    }

    private CaseStage stageAsOf(Instant asOf) {
        try {
            return staged(asOf).stateAsOf().stage();
        } catch (UnknownRecord e) {
            return null;
        }
    }

    private StagedCaseHistory staged(Instant asOf) {
        return StagedCaseHistory.of(histories.find(CASE, asOf));
    }

    private static ReferralReceived received() {
        return new ReferralReceived(CASE, "dk-asof", RECEIVED, REFERRAL, "0999", Channel.AGENCY, Agency.EDUCATION,
                "ext-asof", "sub-asof", EncryptedValue.of("sub-asof", "aXY=", "aWQ="), AgeBand.AGE_16_17,
                List.of(ConcernCategory.MIXED_OR_UNCLEAR), EncryptedValue.of("sub-asof", "aXY=", "Y28="));
    }

    private static ReferralEscalatedToSecurity escalated() {
        return new ReferralEscalatedToSecurity(CASE, "dk-asof", ESCALATED, REFERRAL, "screener-ole",
                SecurityDestination.POLICE_INVESTIGATION, "a security concern");
    }

    private static CaseReturnedFromSecurity returned() {
        return new CaseReturnedFromSecurity(CASE, "dk-asof", RETURNED, REFERRAL, "pet-officer", "no longer a risk");
    }

    private static SecurityScreenCleared cleared() {
        return new SecurityScreenCleared(CASE, "dk-asof", CLEARED, REFERRAL, "sub-asof", "screener-ole", "cleared");
    }

    private static FormulationAgreed agreed() {
        return new FormulationAgreed(CASE, "dk-asof", AGREED, "sub-asof", 1, List.of("mentor"),
                InterventionLevel.TARGETED, Agency.SOCIAL_SERVICES, List.of(Agency.SOCIAL_SERVICES, Agency.POLICE));
    }

    private static PlanOpened planned() {
        return new PlanOpened(CASE, "dk-asof", PLANNED, "sub-asof", 1, List.of("mentor"), InterventionLevel.TARGETED,
                28);
    }

    private static ServiceCommissioned commissioned() {
        return new ServiceCommissioned(CASE, "dk-asof", COMMISSIONED, COMMISSION, "ngo-exit", ServiceType.MENTORING,
                "mentor", LocalDate.parse("2031-04-01"), "owner-mette", EncryptedValue.of("sub-asof", "aXY=", "Yg=="));
    }

    private static CaseClosed closed() {
        return new CaseClosed(CASE, "dk-asof", CLOSED, ClosureOutcome.GOALS_MET, "owner-mette");
    }
}

package org.pve.caseplatform.assessment.command;

import static org.pve.caseplatform.support.testing.Refusals.invalid;
import static org.pve.caseplatform.support.testing.Refusals.violationOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.assessment.api.DescribeRiskScenario;
import org.pve.caseplatform.assessment.api.RecordChronologyEntry;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.assessment.AssessmentEscalatedToSecurity;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.assessment.ChronologyEntryRecorded;
import org.pve.caseplatform.contract.assessment.RiskScenarioDescribed;
import org.pve.caseplatform.support.domain.StaleVersion;
import org.pve.caseplatform.support.web.Versions;

/**
 * The framework sections beyond the factor ratings: a life chronology and risk scenarios, taken only in an
 * assessment whose framework version declares them (de-ppmp v1 does; dk-dialogue and uk-safeguarding do not).
 */
class AssessmentSectionsTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000005ec");
    private static final String SUBJECT = "sub-sections";
    /** 23:30 UTC: the last half hour of 14 March, in UTC. */
    private static final Instant NOW = Instant.parse("2031-03-14T23:30:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2031-03-14");
    private static final EncryptedValue TEXT = EncryptedValue.of(SUBJECT, "aXY=", "ZW50cnk=");

    private AggregateTestFixture<CaseAssessment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CaseAssessment.class);
        fixture.registerInjectableResource(ShippedFrameworks.catalogue());
    }

    @Test
    void aBavarianAssessmentRecordsAChronologyEntry() {
        fixture.givenCurrentTime(NOW).andGiven(opened("de-by-muenchen", "de-ppmp", Agency.POLICE))
                .when(chronology(LocalDate.parse("2019-09-01"), Agency.POLICE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ChronologyEntryRecorded(CASE, "de-by-muenchen", NOW, LocalDate.parse("2019-09-01"),
                        TEXT, Agency.POLICE, "member-police"));
    }

    @Test
    void anEntryDatedTodayIsAccepted() {
        fixture.givenCurrentTime(NOW).andGiven(opened("de-by-muenchen", "de-ppmp", Agency.POLICE))
                .when(chronology(TODAY, Agency.POLICE))
                .expectEvents(new ChronologyEntryRecorded(CASE, "de-by-muenchen", NOW, TODAY, TEXT, Agency.POLICE,
                        "member-police"));
    }

    @Test
    void anEntryDatedInTheFutureIsRefusedNamingHappenedOn() {
        fixture.givenCurrentTime(NOW).andGiven(opened("de-by-muenchen", "de-ppmp", Agency.POLICE))
                .when(chronology(TODAY.plusDays(1), Agency.POLICE))
                .expectException(invalid("happenedOn", "future"))
                .expectNoEvents();
    }

    @Test
    void anEntryWithoutADateIsRefusedNamingHappenedOn() {
        fixture.givenCurrentTime(NOW).andGiven(opened("de-by-muenchen", "de-ppmp", Agency.POLICE))
                .when(chronology(null, Agency.POLICE))
                .expectException(invalid("happenedOn", "required"))
                .expectNoEvents();
    }

    @Test
    void aDanishDialogueAssessmentHasNoChronology() {
        fixture.given(opened("dk-fyn", "dk-dialogue", Agency.SOCIAL_SERVICES))
                .when(chronology(LocalDate.parse("2019-09-01"), Agency.SOCIAL_SERVICES))
                .expectException(invalid("section", "dk-dialogue v1 has no CHRONOLOGY section"))
                .expectNoEvents();
    }

    @Test
    void aSafeguardingAssessmentHasNoChronology() {
        fixture.given(opened("uk-luton", "uk-safeguarding", Agency.POLICE))
                .when(chronology(LocalDate.parse("2019-09-01"), Agency.POLICE))
                .expectException(invalid("section", "uk-safeguarding v1 has no CHRONOLOGY section"))
                .expectNoEvents();
    }

    @Test
    void anAgencyOffThePanelRecordsNoChronology() {
        fixture.given(opened("de-by-muenchen", "de-ppmp", Agency.POLICE))
                .when(chronology(LocalDate.parse("2019-09-01"), Agency.SOCIAL_SERVICES))
                .expectException(violationOf("agency"))
                .expectNoEvents();
    }

    @Test
    void anEscalatedAssessmentTakesNoChronologyEntry() {
        fixture.given(opened("de-by-muenchen", "de-ppmp", Agency.POLICE),
                        new AssessmentEscalatedToSecurity(CASE, "de-by-muenchen", fixture.currentTime(),
                                "invented: a plan of violence came to light", "member-police",
                                SecurityDestination.POLICE_INVESTIGATION))
                .when(chronology(LocalDate.parse("2019-09-01"), Agency.POLICE))
                .expectException(violationOf("stage"))
                .expectNoEvents();
    }

    @Test
    void aChronologyEntryBasedOnAStaleVersionIsRefused() {
        fixture.given(opened("de-by-muenchen", "de-ppmp", Agency.POLICE),
                        new ChronologyEntryRecorded(CASE, "de-by-muenchen", fixture.currentTime(),
                                LocalDate.parse("2018-01-01"), TEXT, Agency.POLICE, "member-police"))
                .when(chronology(LocalDate.parse("2019-09-01"), Agency.POLICE),
                        Map.of(Versions.EXPECTED_VERSION, 0L))
                .expectException(StaleVersion.class)
                .expectNoEvents();
    }

    @Test
    void aBavarianAssessmentDescribesARiskScenario() {
        fixture.givenCurrentTime(NOW).andGiven(opened("de-by-muenchen", "de-ppmp", Agency.POLICE))
                .when(scenario(3))
                .expectEvents(new RiskScenarioDescribed(CASE, "de-by-muenchen", NOW, TEXT, 3, Agency.POLICE,
                        "member-police"));
    }

    @Test
    void theLowestLikelihoodIsZero() {
        fixture.givenCurrentTime(NOW).andGiven(opened("de-by-muenchen", "de-ppmp", Agency.POLICE))
                .when(scenario(0))
                .expectEvents(new RiskScenarioDescribed(CASE, "de-by-muenchen", NOW, TEXT, 0, Agency.POLICE,
                        "member-police"));
    }

    @Test
    void aLikelihoodAboveThreeIsRefusedNamingIt() {
        fixture.given(opened("de-by-muenchen", "de-ppmp", Agency.POLICE))
                .when(scenario(4))
                .expectException(invalid("likelihood", "0 to 3"))
                .expectNoEvents();
    }

    @Test
    void aNegativeLikelihoodIsRefusedNamingIt() {
        fixture.given(opened("de-by-muenchen", "de-ppmp", Agency.POLICE))
                .when(scenario(-1))
                .expectException(invalid("likelihood", "0 to 3"))
                .expectNoEvents();
    }

    @Test
    void aDanishDialogueAssessmentHasNoRiskScenarios() {
        fixture.given(opened("dk-fyn", "dk-dialogue", Agency.POLICE))
                .when(scenario(2))
                .expectException(invalid("section", "dk-dialogue v1 has no SCENARIOS section"))
                .expectNoEvents();
    }

    private AssessmentOpened opened(String district, String framework, Agency... panel) {
        return new AssessmentOpened(CASE, district, fixture.currentTime(), SUBJECT, framework, 1, List.of(panel),
                Instant.parse("2031-06-01T09:00:00Z"));
    }

    private static RecordChronologyEntry chronology(LocalDate happenedOn, Agency agency) {
        return new RecordChronologyEntry(CASE, happenedOn, TEXT, "member-" + agency.name().toLowerCase(), agency);
    }

    private static DescribeRiskScenario scenario(int likelihood) {
        return new DescribeRiskScenario(CASE, TEXT, likelihood, "member-police", Agency.POLICE);
    }
}

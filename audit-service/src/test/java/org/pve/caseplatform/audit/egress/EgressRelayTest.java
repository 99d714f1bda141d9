package org.pve.caseplatform.audit.egress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.cohort.Cases;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.Engagement;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.EventType;
import org.pve.caseplatform.contract.SecurityDestination;
import org.pve.caseplatform.contract.assessment.AssessmentEscalatedToSecurity;
import org.pve.caseplatform.contract.assessment.AssessmentOpened;
import org.pve.caseplatform.contract.plan.ProgressReported;
import org.pve.caseplatform.contract.plan.ServiceCompleted;
import org.pve.caseplatform.contract.referral.CaseReturnedFromSecurity;
import org.pve.caseplatform.contract.referral.IdentityRevealed;
import org.pve.caseplatform.contract.referral.ReferralEscalatedToSecurity;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.testing.TestInfrastructure;

class EgressRelayTest {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final Instant T0 = Instant.parse("2031-03-04T09:00:00Z");
    private static final String DISTRICT = "dk-egress";
    private static MongoClient client;

    private final List<EgressEvent> sent = new ArrayList<>();
    private EgressRelay relay;
    private long offset;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(TestInfrastructure.mongo().connectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @BeforeEach
    void setUp() {
        EgressCases cases = new EgressCases(client.getDatabase("egress-" + UUID.randomUUID().toString()
                .substring(0, 8)));
        relay = new EgressRelay(cases, new EgressFilter(), sent::add);
    }

    @Test
    void aCaseIsHeldUntilClearedThenReleasedInOrderWithoutPersonalOrFreeTextFields() {
        UUID caseId = UUID.randomUUID();
        List<CaseEvent> screened = Cases.screened(caseId, DISTRICT, T0, 2);
        deliver(screened.get(0), "m-received");
        assertThat(sent).isEmpty();

        deliver(screened.get(1), "m-cleared");
        deliver(new ServiceCompleted(caseId, DISTRICT, T0.plus(Duration.ofDays(30)), UUID.randomUUID(), "ngo-exit",
                "went well, in the provider's words"), "m-completed");

        assertThat(sent).extracting(EgressEvent::messageId).containsExactly("m-received", "m-cleared",
                "m-completed");
        assertThat(sent).allSatisfy(event -> {
            assertThat(event.districtId()).isEqualTo(DISTRICT);
            assertThat(event.json()).doesNotContain("ciphertext", "keyRef", "subjectRef", "rationale", "sub-");
        });
        Document received = Document.parse(sent.get(0).json());
        assertThat(received).containsKeys("caseId", "referralId", "channel", "ageBand", "concernCategories")
                .doesNotContainKeys("subjectIdentity", "concernSummary", "subjectRef");
        assertThat(Document.parse(sent.get(2).json())).doesNotContainKey("outcome").containsKey("providerId");
    }

    @Test
    void anEventOfAnotherTopicReadBeforeTheClearanceGoesOutAfterItAsItHappened() {
        UUID caseId = UUID.randomUUID();
        List<CaseEvent> screened = Cases.screened(caseId, DISTRICT, T0, 2);
        deliver(screened.get(0), "m-received");
        deliver(opened(caseId, screened.get(1).occurredAt().plusMillis(50)), "m-opened");
        assertThat(sent).isEmpty();

        deliver(screened.get(1), "m-cleared");

        assertThat(sent).extracting(EgressEvent::messageId).containsExactly("m-received", "m-cleared", "m-opened");
    }

    @Test
    void aCaseEscalatedAtScreeningReleasesNothingUntilHandedBackAndThenOnlyWhatFollows() {
        UUID caseId = UUID.randomUUID();
        List<CaseEvent> escalated = Cases.escalated(caseId, DISTRICT, T0, SecurityDestination.INTELLIGENCE_SERVICE);
        deliver(escalated.get(0), "m-received");
        deliver(escalated.get(1), "m-escalated");
        deliver(opened(caseId, T0.plusSeconds(7200)), "m-opened-while-sealed");
        assertThat(sent).isEmpty();

        deliver(new CaseReturnedFromSecurity(caseId, DISTRICT, T0.plusSeconds(9000), UUID.randomUUID(),
                "police-kim", "handed back"), "m-returned");
        deliver(opened(caseId, T0.plusSeconds(9600)), "m-opened");
        deliver(new ReferralEscalatedToSecurity(caseId, DISTRICT, T0.plusSeconds(9700), UUID.randomUUID(),
                "screener-ole", SecurityDestination.POLICE_INVESTIGATION, "again"), "m-escalated-again");
        deliver(opened(caseId, T0.plusSeconds(9800)), "m-opened-after");

        assertThat(sent).extracting(EgressEvent::messageId).containsExactly("m-returned", "m-opened");
        assertThat(sent.get(0).json()).doesNotContain("handed back");
    }

    @Test
    void aClearanceReadAfterALaterSealFromAnotherTopicDoesNotReopenTheCase() {
        UUID caseId = UUID.randomUUID();
        List<CaseEvent> screened = Cases.screened(caseId, DISTRICT, T0, 2);
        deliver(screened.get(0), "m-received");
        deliver(new AssessmentEscalatedToSecurity(caseId, DISTRICT, T0.plusSeconds(9000), "risk rose", "panel-ida",
                SecurityDestination.POLICE_INVESTIGATION), "m-assessment-escalated");
        deliver(screened.get(1), "m-cleared");
        deliver(opened(caseId, T0.plusSeconds(9600)), "m-opened-after-seal");

        assertThat(sent).isEmpty();
    }

    @Test
    void anEscalationToTheChannelPanelKeepsTheCaseOnTheTrack() {
        UUID caseId = UUID.randomUUID();
        List<CaseEvent> screened = Cases.screened(caseId, DISTRICT, T0, 2);
        deliver(screened.get(0), "m-received");
        deliver(screened.get(1), "m-cleared");
        deliver(new ReferralEscalatedToSecurity(caseId, DISTRICT, T0.plusSeconds(9700), UUID.randomUUID(),
                "screener-ole", SecurityDestination.CHANNEL_PANEL, "panel"), "m-panel");
        deliver(opened(caseId, T0.plusSeconds(9800)), "m-opened");

        assertThat(sent).extracting(EgressEvent::messageId).containsExactly("m-received", "m-cleared", "m-panel",
                "m-opened");
    }

    @Test
    void governanceEventsNeverGoOutAndARedeliveryIsSentOnce() {
        UUID caseId = UUID.randomUUID();
        Cases.screened(caseId, DISTRICT, T0, 2).forEach(event -> deliver(event, "m-" + event.getClass()
                .getSimpleName()));
        deliver(new IdentityRevealed(caseId, DISTRICT, T0.plusSeconds(8000), UUID.randomUUID(), "sub-x",
                "owner-mette", "CASE_OWNER", Agency.SOCIAL_SERVICES, "needed"), "m-revealed");
        ProgressReported progress = new ProgressReported(caseId, DISTRICT, T0.plusSeconds(9000), UUID.randomUUID(),
                "ngo-exit", Engagement.ENGAGED, false, EncryptedValue.of("sub-x", "aXY=", "c3VtbWFyeQ=="));
        deliver(progress, "m-progress");
        deliver(progress, "m-progress");

        assertThat(sent).extracting(EgressEvent::messageId).containsExactly("m-ReferralReceived",
                "m-SecurityScreenCleared", "m-progress");
        assertThat(Document.parse(sent.get(2).json())).doesNotContainKey("summary").containsKey("engagement");
    }

    @Test
    void aCaseClosedAtScreeningLetsNothingOut() {
        UUID caseId = UUID.randomUUID();
        Cases.closedNoFurtherAction(caseId, DISTRICT, T0).forEach(event -> deliver(event, "m-" + event.getClass()
                .getSimpleName()));

        assertThat(sent).isEmpty();
    }

    @Test
    void theFilterDropsWhatTheSchemasMarkAsPersonalOrFreeText() {
        EgressFilter filter = new EgressFilter();

        assertThat(filter.withheldProperties("ReferralReceived", 1)).hasValue(
                java.util.Set.of("subjectRef", "subjectIdentity", "concernSummary"));
        assertThat(filter.withheldProperties("SecurityScreenCleared", 1)).hasValue(
                java.util.Set.of("subjectRef", "rationale"));
        assertThat(filter.withheldProperties("ReferralClosedNoFurtherAction", 1)).hasValue(
                java.util.Set.of("rationale"));
        assertThat(filter.withheldProperties("NoSuchEvent", 1)).isEmpty();
    }

    private static AssessmentOpened opened(UUID caseId, Instant at) {
        return new AssessmentOpened(caseId, DISTRICT, at, "sub-x", "dk-dialogue", 1,
                List.of(Agency.POLICE, Agency.SOCIAL_SERVICES), at.plus(Duration.ofDays(28)));
    }

    private void deliver(CaseEvent event, String messageId) {
        EventType type = EventCatalogue.of(event.getClass());
        try {
            relay.on(new DeliveredEvent(type.topic(), 0, offset++, event.occurredAt().toEpochMilli(),
                    event.caseId().toString(), type.name(), type.revision(), messageId, event.caseId().toString(),
                    event.districtId(), "corr-" + messageId, JSON.writeValueAsString(event)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

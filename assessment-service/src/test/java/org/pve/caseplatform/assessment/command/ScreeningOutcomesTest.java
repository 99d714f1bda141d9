package org.pve.caseplatform.assessment.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.pve.caseplatform.assessment.api.OpenAssessment;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.NoFurtherActionReason;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.referral.ReferralClosedNoFurtherAction;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.reference.DistrictDirectory;

class ScreeningOutcomesTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-0000000000d4");
    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-0000000000a4");
    private static final Instant CLEARED_AT = Instant.parse("2031-02-01T10:15:00Z");

    private final CommandGateway commands = mock(CommandGateway.class);
    private final ScreeningOutcomes outcomes = new ScreeningOutcomes(commands, DistrictDirectory.load(),
            ShippedFrameworks.catalogue());
    private final ObjectMapper json = EventJson.newMapper();

    @Test
    @SuppressWarnings("unchecked")
    void aClearedCaseInLutonOpensAnAssessmentWithTheMashPanelDueInTwentyOneDays() throws Exception {
        outcomes.on(delivered(cleared("uk-luton")));

        ArgumentCaptor<CommandMessage<OpenAssessment>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getMetaData()).containsEntry("correlationId", "corr-d4");
        assertThat(sent.getValue().getPayload()).isEqualTo(new OpenAssessment(CASE, "uk-luton", "sub-d4", "uk-safeguarding", 1,
                List.of(Agency.SOCIAL_SERVICES, Agency.POLICE, Agency.HEALTH),
                Instant.parse("2031-02-22T10:15:00Z")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewAssessmentOpensWithTheLatestPublishedVersionOfItsDistrictsFramework() throws Exception {
        ScreeningOutcomes afterV2 = new ScreeningOutcomes(commands, DistrictDirectory.load(),
                ShippedFrameworks.catalogue(ShippedFrameworks.ukSafeguardingV2()));

        afterV2.on(delivered(cleared("uk-luton")));

        ArgumentCaptor<CommandMessage<OpenAssessment>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload().frameworkId()).isEqualTo("uk-safeguarding");
        assertThat(sent.getValue().getPayload().frameworkVersion()).isEqualTo(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachDistrictOpensWithItsOwnFrameworkFamily() throws Exception {
        for (String district : List.of("dk-fyn", "de-by-muenchen", "fr-01")) {
            outcomes.on(delivered(cleared(district)));
        }

        ArgumentCaptor<CommandMessage<OpenAssessment>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(commands, org.mockito.Mockito.times(3)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues()).extracting(message -> message.getPayload().frameworkId())
                .containsExactly("dk-dialogue", "de-ppmp", "fr-needs");
    }

    @Test
    void aClearedCaseFromAnUnknownDistrictIsSkippedWithoutACommand() throws Exception {
        outcomes.on(delivered(cleared("xx-nowhere")));

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void otherScreeningOutcomesOpenNoAssessment() throws Exception {
        outcomes.on(delivered(new ReferralClosedNoFurtherAction(CASE, "uk-luton", CLEARED_AT, REFERRAL,
                "screener-bo", NoFurtherActionReason.NO_CONCERN, "no concern")));

        verify(commands, never()).sendAndWait(any());
    }

    private static SecurityScreenCleared cleared(String district) {
        return new SecurityScreenCleared(CASE, district, CLEARED_AT, REFERRAL, "sub-d4", "screener-bo", "no risk");
    }

    private DeliveredEvent delivered(CaseEvent event) throws Exception {
        return new DeliveredEvent(Topics.REFERRAL_EVENTS, 0, 7, 0, CASE.toString(),
                EventCatalogue.of(event.getClass()).name(), 1, UUID.randomUUID().toString(), CASE.toString(),
                event.districtId(), "corr-d4", json.writeValueAsString(event));
    }
}

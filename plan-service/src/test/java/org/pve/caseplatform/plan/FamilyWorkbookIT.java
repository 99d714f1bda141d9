package org.pve.caseplatform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.plan.PlanFixture.DISTRICT;
import static org.pve.caseplatform.plan.PlanFixture.PROVIDER;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.FamilyMember;
import org.pve.caseplatform.contract.FamilyRelation;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.referral.CaseAddedToFamily;
import org.pve.caseplatform.contract.referral.FamilyGroupFormed;
import org.pve.caseplatform.plan.HttpJsonClient.Response;
import org.pve.caseplatform.support.kafka.CatalogueRecords;
import org.pve.caseplatform.support.security.Role;
import org.pve.caseplatform.support.testing.TestInfrastructure;
import org.pve.caseplatform.support.testing.TestTokens;
import org.pve.caseplatform.support.testing.TopicReader;

/**
 * The family workbook as the referral service's family events and the members' plans make it: one entry per
 * member's case with its plan's stage, owner and open services (no briefings), "no plan yet" for a member without
 * one; a family of another district is answered exactly as an unknown one.
 */
class FamilyWorkbookIT extends PlanHttpTest {


    @Test
    void theWorkbookShowsEachMembersPlanOwnerAndOpenServices() throws Exception {
        Family family = family();

        JsonNode workbook = awaitWorkbook(family.familyId(), 3);

        assertThat(workbook.path("districtId").asText()).isEqualTo(DISTRICT);
        JsonNode older = member(workbook, family.olderSibling());
        assertThat(older.path("relation").asText()).isEqualTo("SIBLING");
        assertThat(older.path("planStage").asText()).isEqualTo("OPEN");
        assertThat(older.path("owner").path("ownerRef").asText()).isEqualTo("owner-lene");
        assertThat(older.path("owner").path("agency").asText()).isEqualTo("SOCIAL_SERVICES");
        assertThat(Instant.parse(older.path("nextReviewDue").asText())).as("a review cadence ahead")
                .isAfter(Instant.now());
        assertThat(older.path("reviewOverdue").asBoolean()).isFalse();
        assertThat(older.path("handoverOverdue").asBoolean()).isFalse();
        assertThat(older.path("openCommissions")).hasSize(1);
        JsonNode open = older.path("openCommissions").get(0);
        assertThat(open.path("commissionId").asText()).isEqualTo(family.commissionId());
        assertThat(open.path("serviceType").asText()).isEqualTo("MENTORING");
        assertThat(open.path("providerId").asText()).isEqualTo(PROVIDER);
        assertThat(open.path("status").asText()).isEqualTo("COMMISSIONED");
        JsonNode younger = member(workbook, family.youngerSibling());
        assertThat(younger.path("planStage").asText()).isEqualTo("OPEN");
        assertThat(younger.path("owner").isMissingNode() || younger.path("owner").isNull()).isTrue();
        assertThat(younger.path("openCommissions")).isEmpty();
        JsonNode parent = member(workbook, family.parent());
        assertThat(parent.path("relation").asText()).isEqualTo("PARENT");
        assertThat(parent.path("planStage").asText()).isEqualTo("NO_PLAN_YET");
        assertThat(parent.path("nextReviewDue").isMissingNode() || parent.path("nextReviewDue").isNull()).isTrue();
        assertThat(parent.path("openCommissions")).isEmpty();
        assertThat(workbook.toString()).as("no briefing, need or subject of any member")
                .doesNotContain(PlanFixture.briefingFor(PROVIDER), "briefing", "needAddressed",
                        EventTopics.subjectRefOf(family.olderSibling()));
    }

    @Test
    void aRedeliveredFamilyEventChangesNothing() throws Exception {
        Family family = family();
        awaitWorkbook(family.familyId(), 3);

        topics.publish(record(family.formed()));
        topics.publish(record(family.formed()));
        topics.awaitHandled("plan-service.families", topics.publish(record(family.added())));

        JsonNode workbook = owner.get("/families/" + family.familyId() + "/workbook").body();
        assertThat(memberIds(workbook)).containsExactlyInAnyOrder(family.olderSibling().toString(),
                family.youngerSibling().toString(), family.parent().toString());
    }

    @Test
    void aFamilyOfAnotherDistrictIsNotFoundExactlyAsAnUnknownFamily() throws Exception {
        Family family = family();
        awaitWorkbook(family.familyId(), 3);
        HttpJsonClient elsewhere = plans.as(TestTokens.bearer(Role.CASE_OWNER, Agency.SOCIAL_SERVICES,
                "dk-nordjylland"), "CASE_MANAGEMENT");

        Response otherDistricts = elsewhere.get("/families/" + family.familyId() + "/workbook");
        Response unknown = owner.get("/families/" + UUID.randomUUID() + "/workbook");

        assertThat(otherDistricts.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(otherDistricts.problemWithoutInstance()).isEqualTo(unknown.problemWithoutInstance());
        assertThat(plans.as(TestTokens.bearer(Role.DATA_PROTECTION_OFFICER, Agency.SOCIAL_SERVICES, DISTRICT),
                "DATA_PROTECTION").get("/families/" + family.familyId() + "/workbook").status())
                .as("the DPO of the district reads it").isEqualTo(200);
    }

    @Test
    void theWorkbookIsReadByCaseOwnersForAStatedPurposeAndEachMemberReadIsLogged() throws Exception {
        Family family = family();
        awaitWorkbook(family.familyId(), 3);
        String path = "/families/" + family.familyId() + "/workbook";
        String ownerToken = TestTokens.bearer(Role.CASE_OWNER, Agency.SOCIAL_SERVICES, DISTRICT);

        Response noPurpose = plans.anonymous().as(ownerToken).get(path);
        Response provider = plans.provider(PROVIDER).get(path);

        assertThat(noPurpose.status()).isEqualTo(400);
        assertThat(noPurpose.errorFields()).containsExactly("X-Purpose");
        assertThat(provider.status()).isEqualTo(403);
        assertThat(plans.anonymous().get(path).status()).isEqualTo(401);
        List<JsonNode> reads = TopicReader.read(TestInfrastructure.kafka().bootstrapServers(), Topics.ACCESS_LOG,
                        record -> family.parent().toString().equals(record.key()), found -> !found.isEmpty(),
                        Duration.ofSeconds(30))
                .stream().map(FamilyWorkbookIT::json).toList();
        assertThat(reads).extracting(read -> read.path("view").asText() + " " + read.path("purpose").asText())
                .contains("family-workbook CASE_MANAGEMENT");
    }

    /**
     * Two siblings with plans (the older one owned, with a commission) grouped as a family by the referral service,
     * and a parent without a plan added afterwards.
     */
    private Family family() throws Exception {
        UUID older = plans.openPlan();
        UUID younger = plans.openPlan();
        UUID parent = UUID.randomUUID();
        assertThat(plans.assignOwner(older).status()).isEqualTo(200);
        assertThat(plans.consent(older).status()).isEqualTo(201);
        String commissionId = plans.commissioned(older, PROVIDER);
        assertThat(commissionId).as("commissioned").isNotBlank();
        UUID familyId = UUID.randomUUID();
        FamilyGroupFormed formed = new FamilyGroupFormed(older, DISTRICT, Instant.now(), familyId,
                List.of(new FamilyMember(older, FamilyRelation.SIBLING),
                        new FamilyMember(younger, FamilyRelation.SIBLING)), "screener-it");
        CaseAddedToFamily added = new CaseAddedToFamily(parent, DISTRICT, Instant.now(), familyId,
                FamilyRelation.PARENT, "owner-it");
        topics.publish(record(formed));
        topics.publish(record(added));
        return new Family(familyId, older, younger, parent, commissionId, formed, added);
    }

    private JsonNode awaitWorkbook(UUID familyId, int members) {
        String path = "/families/" + familyId + "/workbook";
        Waiting.until("the workbook of family " + familyId + " with " + members + " members", () -> {
            Response workbook = owner.get(path);
            return workbook.status() == 200 && workbook.body().path("members").size() == members;
        });
        return owner.get(path).body();
    }

    private static ProducerRecord<String, String> record(CaseEvent event) {
        return CatalogueRecords.of(event, UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    private static JsonNode member(JsonNode workbook, UUID caseId) {
        return StreamSupport.stream(workbook.path("members").spliterator(), false)
                .filter(node -> node.path("caseId").asText().equals(caseId.toString()))
                .findFirst().orElseThrow();
    }

    private static List<String> memberIds(JsonNode workbook) {
        return StreamSupport.stream(workbook.path("members").spliterator(), false)
                .map(node -> node.path("caseId").asText()).toList();
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return EventJson.newMapper().readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Family(UUID familyId, UUID olderSibling, UUID youngerSibling, UUID parent, String commissionId,
                          FamilyGroupFormed formed, CaseAddedToFamily added) {
    }
}

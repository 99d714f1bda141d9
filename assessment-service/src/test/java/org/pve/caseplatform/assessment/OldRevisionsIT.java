package org.pve.caseplatform.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.eventstore.OutboxStorageStrategy;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * History written by an earlier build: an assessment whose AssessmentOpened was stored in revision 1 (the family
 * named frameworkId, no revision recorded) loads, answers and takes commands in the current shape, read through the
 * contract's upcaster; published again, it goes out in the current revision.
 */
class OldRevisionsIT extends AssessmentItSupport {

    private static final String LUTON = "uk-luton";
    private static final String SOCIAL_WORKER = panel(Agency.SOCIAL_SERVICES, LUTON);

    @Autowired
    ServiceDatabase database;

    @Test
    void anAssessmentOpenedStoredInRevisionOneIsReadInTheCurrentShape() throws Exception {
        UUID caseId = openAssessment(LUTON, SOCIAL_WORKER).caseId();
        MongoCollection<Document> events = database.database().getCollection(OutboxStorageStrategy.EVENTS_COLLECTION);
        Document opened = events.find(Filters.and(Filters.eq("aggregateIdentifier", caseId.toString()),
                Filters.eq("sequenceNumber", 0L))).first();
        assertThat(opened.getString("payloadRevision")).as("stored with the catalogue's revision").isEqualTo("2");
        String current = payload(opened);
        assertThat(current).contains("\"frameworkFamily\":\"uk-safeguarding\"");
        // as the previous build wrote it: revision 1, no revision recorded, and not yet published
        String revisionOne = current.replace("\"frameworkFamily\"", "\"frameworkId\"");
        events.updateOne(Filters.eq("_id", opened.get("_id")), Updates.combine(
                Updates.set("serializedPayload", opened.get("serializedPayload") instanceof Binary
                        ? new Binary(revisionOne.getBytes(StandardCharsets.UTF_8)) : revisionOne),
                Updates.unset("payloadRevision"), Updates.set(OutboxStorageStrategy.PUBLISHED, false)));

        JsonNode view = read(caseId, SOCIAL_WORKER, "ASSESSMENT").getBody();
        assertThat(view.path("frameworkId").asText()).isEqualTo("uk-safeguarding");
        assertThat(view.path("framework").path("family").asText()).isEqualTo("uk-safeguarding");
        // the aggregate loads from the same history: a rating is checked against the framework it names
        assertThat(post("/assessments/" + caseId + "/ratings", SOCIAL_WORKER, Map.of("factorId", "education",
                "domain", "safeguarding", "rating", 2, "evidence", "Invented evidence")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        List<ConsumerRecord<String, String>> published = published(Topics.ASSESSMENT_EVENTS, caseId,
                "AssessmentOpened", records -> records.size() >= 2);
        ConsumerRecord<String, String> again = published.get(published.size() - 1);
        assertThat(TopicReader.header(again, EventHeaders.EVENT_REVISION)).isEqualTo("2");
        assertThat(again.value()).contains("\"frameworkFamily\":\"uk-safeguarding\"").doesNotContain("frameworkId");
        assertThat(TopicReader.header(again, EventHeaders.MESSAGE_ID))
                .as("the same event, so consumers take it once")
                .isEqualTo(TopicReader.header(published.get(0), EventHeaders.MESSAGE_ID));
    }

    private static String payload(Document stored) {
        Object payload = stored.get("serializedPayload");
        return payload instanceof Binary binary ? new String(binary.getData(), StandardCharsets.UTF_8)
                : payload.toString();
    }
}

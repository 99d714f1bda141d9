package org.pve.caseplatform.reconciliation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.pve.caseplatform.audit.cohort.CohortCases;
import org.pve.caseplatform.audit.cohort.CohortProjection;
import org.pve.caseplatform.audit.egress.EgressCases;
import org.pve.caseplatform.audit.egress.EgressFilter;
import org.pve.caseplatform.audit.egress.EgressRelay;
import org.pve.caseplatform.audit.query.Ledger;
import org.pve.caseplatform.audit.query.LedgerProjection;
import org.pve.caseplatform.contract.AccessPurpose;
import org.pve.caseplatform.contract.CaseEvent;
import org.pve.caseplatform.contract.EventHeaders;
import org.pve.caseplatform.contract.EventJson;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.assessment.FormulationAgreed;
import org.pve.caseplatform.contract.governance.CaseRecordAccessed;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.plan.command.AgeBands;
import org.pve.caseplatform.plan.command.LeadAgencies;
import org.pve.caseplatform.support.eventstore.CatalogueUpcasters;
import org.pve.caseplatform.support.eventstore.OutboxStorageStrategy;
import org.pve.caseplatform.support.eventstore.ServiceDatabase;
import org.pve.caseplatform.support.eventstore.StoredEventConverter;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.reference.DistrictDirectory;

/**
 * Four databases of their own, written by the services' own code: each producing service's Axon event store with
 * the outbox strategy (as platform-support's EventStoreConfiguration builds it), and, for what the outbox
 * "publishes", the record StoredEventConverter makes handed to audit-service's ledger, cohort and egress and
 * plan-service's age bands and lead agencies, as their consumers would (referral-service's case index is written as
 * its CaseIndex writes it). Kafka itself is not involved: the platform IT runs the
 * reconciler over the real flow; here the tests tamper with the stores.
 */
final class PlatformStores {

    private static final Map<String, String> AGGREGATE_TYPES = Map.of(ServiceDatabases.REFERRAL_SERVICE, "Referral",
            ServiceDatabases.ASSESSMENT_SERVICE, "CaseAssessment", ServiceDatabases.PLAN_SERVICE, "ManagementPlan");

    final ServiceDatabases databases;
    private final MongoClient client;
    private final Serializer serializer = serializer();
    private final StoredEventConverter converter = new StoredEventConverter(serializer);
    private final Map<String, MongoEventStorageEngine> engines = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final LedgerProjection ledger;
    private final CohortProjection cohort;
    private final AgeBands ageBands;
    private final LeadAgencies leadAgencies;
    private final EgressRelay egress;
    private long offset;

    PlatformStores(MongoClient client, Instant recordedAt) {
        this.client = client;
        String prefix = "recon-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        this.databases = new ServiceDatabases(prefix + "referral", prefix + "assessment", prefix + "plan",
                prefix + "audit");
        Clock clock = Clock.fixed(recordedAt, ZoneOffset.UTC);
        this.ledger = new LedgerProjection(new Ledger(audit()), clock);
        this.cohort = new CohortProjection(new CohortCases(audit()));
        ServiceDatabase plan = new ServiceDatabase(database(ServiceDatabases.PLAN_SERVICE));
        this.ageBands = new AgeBands(plan, DistrictDirectory.load());
        this.leadAgencies = new LeadAgencies(plan);
        this.egress = new EgressRelay(new EgressCases(audit()), new EgressFilter(), released -> { });
    }

    /** Stores the event as the service's aggregate does (its own stream per case), unpublished; its messageId. */
    String store(String service, CaseEvent event) {
        String aggregate = event.caseId().toString();
        long sequence = sequences.merge(service + "/" + aggregate, 1L, Long::sum) - 1;
        String messageId = UUID.randomUUID().toString();
        engine(service).appendEvents(List.of(new GenericDomainEventMessage<>(AGGREGATE_TYPES.get(service), aggregate,
                sequence, event, MetaData.with(StoredEventConverter.CORRELATION_ID, "corr-" + aggregate), messageId,
                event.occurredAt())));
        return messageId;
    }

    /** Does what the outbox relay and the consumers do with every unpublished event: publish, witness, mark. */
    void publishAll(Instant at) {
        for (String service : AGGREGATE_TYPES.keySet()) {
            for (Document stored : events(service).find(Filters.eq(OutboxStorageStrategy.PUBLISHED, false))
                    .sort(Sorts.ascending("timestamp", "sequenceNumber")).into(new ArrayList<>())) {
                consume(delivered(converter.toRecord(stored)));
                events(service).updateOne(Filters.eq("_id", stored.get("_id")), Updates.combine(
                        Updates.set(OutboxStorageStrategy.PUBLISHED, true),
                        Updates.set(OutboxStorageStrategy.PUBLISHED_AT, at.toString())));
            }
        }
    }

    /** What each consumer of the case topics that keeps a read model does with the record. */
    private void consume(DeliveredEvent delivered) {
        ledger.on(delivered);
        cohort.on(delivered);
        egress.on(delivered);
        CaseEvent event = delivered.event().orElseThrow();
        if (event instanceof ReferralReceived received) {
            ageBands.on(delivered);
            // referral-service CaseIndex.joined; its projection needs the person's keys to match, beyond this test
            database(ServiceDatabases.REFERRAL_SERVICE).getCollection("case_index").updateOne(
                    Filters.eq("_id", received.caseId().toString()), Updates.combine(
                            Updates.setOnInsert("districtId", received.districtId()),
                            Updates.setOnInsert("status", "OPEN"),
                            Updates.set("referrals." + received.referralId(), received.referrerAgency().name()),
                            Updates.max("lastEventAt", Date.from(received.occurredAt()))),
                    new UpdateOptions().upsert(true));
        }
        if (event instanceof FormulationAgreed agreed) {
            // plan-service PlanOpening records the lead agency before it opens the plan
            leadAgencies.record(agreed.caseId(), agreed.leadAgency());
        }
    }

    /** Has the ledger (and the cohort) witness a record no service stored, as a stray producer would cause. */
    void witnessUnstored(CaseEvent event) throws Exception {
        DeliveredEvent delivered = unstored(Topics.REFERRAL_EVENTS, event);
        ledger.on(delivered);
        cohort.on(delivered);
        egress.on(delivered);
    }

    /** Has the ledger witness a read of the case on the access log, which services send without storing it. */
    void witnessRead(CaseEvents events) throws Exception {
        ledger.on(unstored(Topics.ACCESS_LOG, new CaseRecordAccessed(events.caseId(), events.districtId(),
                events.at().plusSeconds(6), "auditor-1", "AUDITOR", null, "case-history", AccessPurpose.AUDIT)));
    }

    private DeliveredEvent unstored(String topic, CaseEvent event) throws Exception {
        String messageId = UUID.randomUUID().toString();
        return new DeliveredEvent(topic, 0, offset++, event.occurredAt().toEpochMilli(), event.caseId().toString(),
                event.getClass().getSimpleName(), 1, messageId, event.caseId().toString(), event.districtId(),
                messageId, EventJson.newMapper().writeValueAsString(event));
    }

    MongoDatabase database(String service) {
        return client.getDatabase(switch (service) {
            case ServiceDatabases.REFERRAL_SERVICE -> databases.referral();
            case ServiceDatabases.ASSESSMENT_SERVICE -> databases.assessment();
            case ServiceDatabases.PLAN_SERVICE -> databases.plan();
            default -> databases.audit();
        });
    }

    MongoDatabase audit() {
        return client.getDatabase(databases.audit());
    }

    com.mongodb.client.MongoCollection<Document> events(String service) {
        return database(service).getCollection(OutboxStorageStrategy.EVENTS_COLLECTION);
    }

    private MongoEventStorageEngine engine(String service) {
        return engines.computeIfAbsent(service, name -> {
            MongoEventStorageEngine engine = MongoEventStorageEngine.builder()
                    .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database(name)).build())
                    .eventSerializer(serializer).snapshotSerializer(serializer)
                    .storageStrategy(new OutboxStorageStrategy()).upcasterChain(CatalogueUpcasters.chain()).build();
            engine.ensureIndexes();
            return engine;
        });
    }

    private DeliveredEvent delivered(ProducerRecord<String, String> record) {
        String revision = header(record, EventHeaders.EVENT_REVISION);
        return new DeliveredEvent(record.topic(), 0, offset++, record.timestamp(), record.key(),
                header(record, EventHeaders.EVENT_TYPE), revision == null ? 1 : Integer.parseInt(revision),
                header(record, EventHeaders.MESSAGE_ID), header(record, EventHeaders.CASE_ID),
                header(record, EventHeaders.DISTRICT_ID), header(record, EventHeaders.CORRELATION_ID),
                record.value());
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The serializer of platform-support's EventStoreConfiguration. */
    private static Serializer serializer() {
        ObjectMapper mapper = EventJson.newMapper();
        return JacksonSerializer.builder().objectMapper(mapper).revisionResolver(CatalogueUpcasters.revisions())
                .build();
    }
}

package org.pve.caseplatform.audit.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pve.caseplatform.audit.query.Deliveries.delivered;
import static org.pve.caseplatform.audit.query.Deliveries.raw;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.ledger.AnchorSigner;
import org.pve.caseplatform.audit.ledger.HashChains;
import org.pve.caseplatform.contract.AgeBand;
import org.pve.caseplatform.contract.Agency;
import org.pve.caseplatform.contract.Channel;
import org.pve.caseplatform.contract.ConcernCategory;
import org.pve.caseplatform.contract.EncryptedValue;
import org.pve.caseplatform.contract.ServiceType;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.contract.plan.CaseOwnerAssigned;
import org.pve.caseplatform.contract.plan.ServiceAccepted;
import org.pve.caseplatform.contract.plan.ServiceCommissioned;
import org.pve.caseplatform.contract.referral.ReferralReceived;
import org.pve.caseplatform.contract.referral.SecurityScreenCleared;

class LedgerProjectionTest {

    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000ca5e");
    private static final UUID REFERRAL = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID COMMISSION = UUID.fromString("00000000-0000-0000-0000-0000000000c9");
    private static final Instant SCREENED = Instant.parse("2031-03-04T09:05:00.123456Z");
    private static final Instant NOW = Instant.parse("2031-03-04T12:00:00Z");

    private MongoCollection<Document> entries;
    private LedgerProjection projection;

    @BeforeEach
    void setUp() {
        MongoDatabase database = Deliveries.freshDatabase();
        entries = database.getCollection(Ledger.COLLECTION);
        HashChains chains = new HashChains(database, new AnchorSigner(new byte[32]), 100, Duration.ofMinutes(1),
                Clock.fixed(NOW, ZoneOffset.UTC));
        projection = new LedgerProjection(new Ledger(database), chains, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aRedeliveredRecordAddsNoSecondEntry() {
        projection.on(delivered(screenCleared(), "msg-1", 2, 7));
        projection.on(delivered(screenCleared(), "msg-1", 2, 7));

        assertThat(entries.countDocuments()).isEqualTo(1);
    }

    @Test
    void aRepublishedRecordLeavesTheFirstEntryAsItWas() {
        projection.on(delivered(screenCleared(), "msg-1", 2, 7));
        projection.on(delivered(screenCleared(), "msg-1", 2, 12));

        assertThat(entries.countDocuments()).isEqualTo(1);
        assertThat(entries.find().first().getLong("offset")).isEqualTo(7L);
    }

    @Test
    void anEntryRecordsWhereTheEventCameFromAndWhen() {
        projection.on(delivered(screenCleared(), "msg-1", 2, 7));

        Document entry = entries.find(Filters.eq("_id", "msg-1")).first();
        assertThat(entry.getString("caseId")).isEqualTo(CASE.toString());
        assertThat(entry.getString("districtId")).isEqualTo("dk-fyn");
        assertThat(entry.getString("eventType")).isEqualTo("SecurityScreenCleared");
        assertThat(entry.getInteger("eventRevision")).isEqualTo(1);
        assertThat(entry.getString("service")).isEqualTo("referral-service");
        assertThat(entry.getString("topic")).isEqualTo(Topics.REFERRAL_EVENTS);
        assertThat(entry.getInteger("partition")).isEqualTo(2);
        assertThat(entry.getLong("offset")).isEqualTo(7L);
        assertThat(entry.getDate("occurredAt")).isEqualTo(Date.from(SCREENED));
        assertThat(entry.getDate("recordedAt")).isEqualTo(Date.from(NOW));
        assertThat(entry.getString("correlationId")).isEqualTo("corr-msg-1");
        assertThat(entry.get("data", Document.class).getString("rationale")).isEqualTo("no security concern");
    }

    @Test
    void eachCaseTopicIsAttributedToItsService() {
        projection.on(delivered(commissioned(), "msg-plan", 0, 1));
        projection.on(raw(Topics.ASSESSMENT_EVENTS, 1, 0, "msg-assessment", "{\"caseId\":\"" + CASE + "\"}"));
        projection.on(raw(Topics.ACCESS_LOG, 1, 0, "msg-access", "{\"caseId\":\"" + CASE + "\"}"));

        assertThat(entry("msg-plan").getString("service")).isEqualTo("plan-service");
        assertThat(entry("msg-assessment").getString("service")).isEqualTo("assessment-service");
        assertThat(entry("msg-access").containsKey("service")).isFalse();
    }

    @Test
    void theScreenerIsTheActorOfAScreeningDecision() {
        projection.on(delivered(screenCleared(), "msg-1", 0, 1));

        assertThat(entry("msg-1").getString("actor")).isEqualTo("screener-ole");
    }

    @Test
    void whoCommissionedAServiceIsItsActorRatherThanTheProvider() {
        projection.on(delivered(commissioned(), "msg-1", 0, 1));

        assertThat(entry("msg-1").getString("actor")).isEqualTo("owner-mette");
    }

    @Test
    void theProviderIsTheActorOfItsOwnAnswer() {
        projection.on(delivered(new ServiceAccepted(CASE, "dk-fyn", SCREENED, COMMISSION, "ngo-exit-fyn"),
                "msg-1", 0, 1));

        assertThat(entry("msg-1").getString("actor")).isEqualTo("ngo-exit-fyn");
    }

    @Test
    void theAssignedOwnerIsNotMistakenForAnActor() {
        projection.on(delivered(new CaseOwnerAssigned(CASE, "dk-fyn", SCREENED, "owner-mette", Agency.SOCIAL_SERVICES),
                "msg-1", 0, 1));

        assertThat(entry("msg-1").containsKey("actor")).isFalse();
    }

    @Test
    void personalFieldsStayEncryptedAsTheyCame() {
        projection.on(delivered(received(), "msg-1", 0, 1));

        Document data = entry("msg-1").get("data", Document.class);
        Document identity = data.get("subjectIdentity", Document.class);
        assertThat(identity.getString("keyRef")).isEqualTo("sub-7f3a");
        assertThat(identity.getString("ciphertext")).isEqualTo("Y2lwaGVydGV4dA==");
        assertThat(data).isEqualTo(Document.parse(Deliveries.json(received())));
    }

    @Test
    void withoutAnOccurredAtTheRecordTimestampStandsIn() {
        Instant timestamp = Instant.parse("2031-03-04T10:00:00.250Z");
        projection.on(raw(Topics.ACCESS_LOG, 3, timestamp.toEpochMilli(), "msg-1",
                "{\"caseId\":\"" + CASE + "\",\"occurredAt\":\"yesterday\"}"));

        assertThat(entry("msg-1").getDate("occurredAt")).isEqualTo(Date.from(timestamp));
    }

    @Test
    void aRecordWithoutMessageIdIsPassedOver() {
        projection.on(delivered(screenCleared(), null, 0, 1));

        assertThat(entries.countDocuments()).isZero();
    }

    @Test
    void aValueThatIsNotAJsonObjectIsPassedOver() {
        for (String value : List.of("not json at all", "[1, 2]", "", "{\"caseId\": ")) {
            projection.on(raw(Topics.PLAN_EVENTS, 4, 0, "msg-" + value.hashCode(), value));
        }

        assertThat(entries.countDocuments()).isZero();
    }

    private Document entry(String messageId) {
        Document entry = entries.find(Filters.eq("_id", messageId)).first();
        assertThat(entry).as("ledger entry " + messageId).isNotNull();
        return entry;
    }

    private static SecurityScreenCleared screenCleared() {
        return new SecurityScreenCleared(CASE, "dk-fyn", SCREENED, REFERRAL, "sub-7f3a", "screener-ole",
                "no security concern");
    }

    private static ServiceCommissioned commissioned() {
        return new ServiceCommissioned(CASE, "dk-fyn", SCREENED, COMMISSION, "ngo-exit-fyn", ServiceType.MENTORING,
                "a mentor", LocalDate.parse("2031-04-01"), "owner-mette",
                EncryptedValue.of("sub-7f3a", "aXY=", "YnJpZWZpbmc="));
    }

    private static ReferralReceived received() {
        return new ReferralReceived(CASE, "dk-fyn", SCREENED, REFERRAL, "0461", Channel.AGENCY, Agency.EDUCATION,
                "ext-7f3a", "sub-7f3a", EncryptedValue.of("sub-7f3a", "aXY=", "Y2lwaGVydGV4dA=="), AgeBand.AGE_16_17,
                List.of(ConcernCategory.FAR_RIGHT), EncryptedValue.of("sub-7f3a", "aXY=", "Y29uY2Vybg=="));
    }
}

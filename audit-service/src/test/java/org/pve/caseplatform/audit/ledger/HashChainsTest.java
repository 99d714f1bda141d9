package org.pve.caseplatform.audit.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pve.caseplatform.audit.api.LedgerVerification;
import org.pve.caseplatform.audit.api.LedgerVerification.ChainProblem;
import org.pve.caseplatform.audit.api.LedgerVerification.ChainVerification;
import org.pve.caseplatform.audit.api.LedgerVerification.ProblemKind;
import org.pve.caseplatform.audit.query.Ledger;
import org.pve.caseplatform.audit.query.LedgerProjection;
import org.pve.caseplatform.contract.Topics;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.pve.caseplatform.support.testing.TestInfrastructure;

/**
 * Eight records of one partition chained and anchored every three links (at 0, 3 and 6), then tampered with in
 * MongoDB as someone with write access could: every change is found and located.
 */
class HashChainsTest {

    private static final String TOPIC = Topics.REFERRAL_EVENTS;
    private static final String CHAIN = TOPIC + "/1";
    private static final UUID CASE = UUID.fromString("00000000-0000-0000-0000-00000000ca5e");
    private static final Instant NOW = Instant.parse("2031-03-04T12:00:00Z");
    private static final byte[] KEY = Base64.getDecoder().decode(TestInfrastructure.randomKey());

    private static MongoClient client;

    private MongoDatabase database;
    private MongoCollection<Document> entries;
    private HashChains chains;
    private LedgerProjection projection;
    private AnchorSigner signer;

    @BeforeEach
    void setUp() {
        if (client == null) {
            client = MongoClients.create(TestInfrastructure.mongo().connectionString());
        }
        database = client.getDatabase("audit-chain-" + UUID.randomUUID().toString().substring(0, 8));
        entries = database.getCollection(HashChains.ENTRIES);
        signer = new AnchorSigner(KEY);
        chains = new HashChains(database, signer, 3, Duration.ofDays(1), Clock.fixed(NOW, ZoneOffset.UTC));
        projection = new LedgerProjection(new Ledger(database), chains, Clock.fixed(NOW, ZoneOffset.UTC));
        for (int offset = 0; offset < 8; offset++) {
            projection.on(record(offset, "msg-" + offset));
        }
    }

    @AfterAll
    static void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    @Test
    void anIntactLedgerVerifies() {
        LedgerVerification report = verify();

        assertThat(report.verified()).isTrue();
        ChainVerification chain = report.chains().get(0);
        assertThat(chain.chain()).isEqualTo(CHAIN);
        assertThat(chain.entries()).isEqualTo(8);
        assertThat(chain.head()).isEqualTo(7L);
        assertThat(chain.lastAnchor()).isEqualTo(6L);
        assertThat(chain.problems()).isEmpty();
    }

    @Test
    void everyEntryCarriesItsLinkOfThePartitionsChain() {
        Document first = entry(0);
        Document second = entry(1);

        assertThat(first.getString("chain")).isEqualTo(CHAIN);
        assertThat(first.getString("previousHash")).isEqualTo(ChainHash.GENESIS);
        assertThat(second.getString("previousHash")).isEqualTo(first.getString("hash"));
        assertThat(second.getString("hash")).isEqualTo(ChainHash.of(first.getString("hash"), second));
        assertThat(database.getCollection(HashChains.HEADS).find().first().getLong("position")).isEqualTo(7L);
        assertThat(anchoredPositions()).containsExactly(0L, 3L, 6L);
    }

    @Test
    void anEntryEditedWithItsHashRecomputedIsFoundThroughTheNextLink() {
        Document edited = entry(2);
        rewrite(edited, "a different rationale");

        assertThat(firstProblem()).isEqualTo(new ChainProblem(ProblemKind.ALTERED, 2, "msg-2",
                "its hash was recomputed: the next link does not follow from it"));
    }

    @Test
    void anEntryEditedWithoutRecomputingItsHashIsFoundByItsOwnHash() {
        entries.updateOne(Filters.eq("_id", "msg-5"), Updates.set("data.rationale", "nothing to see"));

        assertThat(firstProblem().kind()).isEqualTo(ProblemKind.ALTERED);
        assertThat(firstProblem().position()).isEqualTo(5);
    }

    @Test
    void aTailRewrittenWithEveryHashRecomputedIsFoundByTheAnchor() {
        String previous = entry(4).getString("hash");
        for (long position = 5; position < 8; position++) {
            Document entry = entry(position);
            entry.put("previousHash", previous);
            previous = rewrite(entry, "rewritten " + position);
        }
        database.getCollection(HashChains.HEADS).updateOne(Filters.eq("_id", CHAIN), Updates.set("hash", previous));

        ChainProblem problem = firstProblem();
        assertThat(problem.kind()).isEqualTo(ProblemKind.ALTERED);
        assertThat(problem.position()).isEqualTo(6);
        assertThat(problem.detail()).contains("anchored hash");
    }

    @Test
    void aDeletedEntryIsFoundWhereItWas() {
        entries.deleteOne(Filters.eq("_id", "msg-4"));

        assertThat(firstProblem().kind()).isEqualTo(ProblemKind.REMOVED);
        assertThat(firstProblem().position()).isEqualTo(4);
    }

    @Test
    void theDeletedFirstEntryIsFound() {
        entries.deleteOne(Filters.eq("_id", "msg-0"));

        assertThat(firstProblem().kind()).isEqualTo(ProblemKind.REMOVED);
        assertThat(firstProblem().position()).isEqualTo(0);
    }

    @Test
    void anInsertedEntryIsFoundAndNamed() {
        Document forged = new Document(entry(3));
        forged.put("_id", "msg-forged");
        forged.get("record", Document.class).put("messageId", "msg-forged");
        rewriteDocument(forged, "an invented decision");
        entries.insertOne(forged);

        ChainProblem problem = firstProblem();
        assertThat(problem.kind()).isEqualTo(ProblemKind.INSERTED);
        assertThat(problem.position()).isEqualTo(3);
        assertThat(problem.messageId()).isEqualTo("msg-forged");
    }

    @Test
    void twoSwappedEntriesAreFoundAsReordered() {
        entries.updateOne(Filters.eq("_id", "msg-3"), Updates.set("position", 4L));
        entries.updateOne(Filters.eq("_id", "msg-4"), Updates.set("position", 3L));

        ChainProblem problem = firstProblem();
        assertThat(problem.kind()).isEqualTo(ProblemKind.REORDERED);
        assertThat(problem.position()).isEqualTo(3);
        assertThat(problem.messageId()).isEqualTo("msg-4");
    }

    @Test
    void aTailCutAfterTheLastAnchorIsFoundByTheChainHead() {
        entries.deleteOne(Filters.eq("_id", "msg-7"));

        assertThat(firstProblem().kind()).isEqualTo(ProblemKind.TAIL_CUT);
        assertThat(firstProblem().position()).isEqualTo(7);
    }

    @Test
    void aTailCutWithTheHeadMovedBackIsFoundByTheTopicsOffsets() {
        entries.deleteOne(Filters.eq("_id", "msg-7"));
        database.getCollection(HashChains.HEADS).updateOne(Filters.eq("_id", CHAIN),
                Updates.combine(Updates.set("position", 6L), Updates.set("hash", entry(6).getString("hash"))));
        TopicOffsets topic = () -> Map.of(new TopicPartition(TOPIC, 1), new TopicOffsets.Range(0, 8, 8L));

        LedgerVerification report = new LedgerVerifier(database, signer, topic).verify();

        assertThat(report.verified()).isFalse();
        assertThat(report.chains().get(0).problems().get(0).kind()).isEqualTo(ProblemKind.TAIL_CUT);
        assertThat(report.chains().get(0).problems().get(0).position()).isEqualTo(7);
    }

    @Test
    void recordsNotYetConsumedAreNoTailCut() {
        TopicOffsets topic = () -> Map.of(new TopicPartition(TOPIC, 1), new TopicOffsets.Range(0, 12, 8L));

        assertThat(new LedgerVerifier(database, signer, topic).verify().verified()).isTrue();
    }

    @Test
    void anAnchorSignedWithAnotherKeyIsBad() {
        AnchorSigner other = new AnchorSigner(Base64.getDecoder().decode(TestInfrastructure.randomKey()));
        Instant signedAt = NOW.plusSeconds(5);
        Document head = entry(7);
        database.getCollection(HashChains.ANCHORS).insertOne(new Document("_id", CHAIN + "@7").append("chain", CHAIN)
                .append("position", 7L).append("hash", head.getString("hash"))
                .append("signedAt", java.util.Date.from(signedAt))
                .append("signature", other.sign(CHAIN, 7, head.getString("hash"), signedAt)));

        assertThat(firstProblem().kind()).isEqualTo(ProblemKind.BAD_ANCHOR);
        assertThat(firstProblem().position()).isEqualTo(7);
    }

    @Test
    void aRedeliveredRecordLeavesTheLedgerUnchanged() {
        Map<String, List<Document>> before = everything();

        projection.on(record(5, "msg-5"));
        projection.on(record(7, "msg-7"));

        assertThat(everything()).isEqualTo(before);
        assertThat(verify().verified()).isTrue();
    }

    @Test
    void aRepublishedRecordAddsADuplicateLinkButNoEntry() {
        projection.on(record(8, "msg-2"));

        assertThat(entries.countDocuments()).isEqualTo(8);
        Document link = database.getCollection(HashChains.LINKS).find().first();
        assertThat(link.getString("duplicateOf")).isEqualTo(CHAIN + "@2");
        assertThat(link.getLong("position")).isEqualTo(8L);
        assertThat(verify().verified()).isTrue();
        assertThat(verify().chains().get(0).head()).isEqualTo(8L);
    }

    @Test
    void anUnreadableRecordIsALinkSoThePositionsStayContiguous() {
        projection.on(new DeliveredEvent(TOPIC, 1, 8, 0, null, null, 1, null, null, null, null, "not json"));
        projection.on(record(9, "msg-9"));

        assertThat(entries.countDocuments()).isEqualTo(9);
        assertThat(verify().verified()).isTrue();
    }

    @Test
    void anAnchorKeyIsDerivedFromTheMasterKeyWhenNoneIsConfigured() {
        String master = TestInfrastructure.randomKey();
        AnchorSigner derived = AnchorSigner.fromConfiguration("", master);
        AnchorSigner again = AnchorSigner.fromConfiguration(null, master);
        AnchorSigner asIs = AnchorSigner.fromConfiguration(master, null);

        String signature = derived.sign(CHAIN, 3, ChainHash.GENESIS, NOW);
        assertThat(again.verify(CHAIN, 3, ChainHash.GENESIS, NOW, signature)).isTrue();
        assertThat(asIs.verify(CHAIN, 3, ChainHash.GENESIS, NOW, signature)).isFalse();
    }

    private LedgerVerification verify() {
        return new LedgerVerifier(database, signer, TopicOffsets.NONE).verify();
    }

    private ChainProblem firstProblem() {
        LedgerVerification report = verify();
        assertThat(report.verified()).isFalse();
        return report.chains().get(0).problems().get(0);
    }

    private Document entry(long position) {
        return entries.find(Filters.and(Filters.eq("chain", CHAIN), Filters.eq("position", position))).first();
    }

    /** Changes the entry's data and record as a forger would, recomputes its hash, stores it; returns the hash. */
    private String rewrite(Document entry, String rationale) {
        rewriteDocument(entry, rationale);
        entries.replaceOne(Filters.eq("_id", entry.get("_id")), entry);
        return entry.getString("hash");
    }

    private static void rewriteDocument(Document entry, String rationale) {
        Document data = entry.get("data", Document.class);
        data.put("rationale", rationale);
        entry.get("record", Document.class).put("json", data.toJson());
        entry.put("data", Document.parse(data.toJson()));
        entry.put("hash", ChainHash.of(entry.getString("previousHash"), entry));
    }

    private List<Long> anchoredPositions() {
        List<Long> positions = new ArrayList<>();
        database.getCollection(HashChains.ANCHORS).find().forEach(anchor -> positions.add(anchor.getLong("position")));
        positions.sort(Long::compare);
        return positions;
    }

    private Map<String, List<Document>> everything() {
        Map<String, List<Document>> all = new java.util.TreeMap<>();
        for (String name : List.of(HashChains.ENTRIES, HashChains.LINKS, HashChains.HEADS, HashChains.ANCHORS)) {
            List<Document> documents = new ArrayList<>();
            database.getCollection(name).find().forEach(documents::add);
            all.put(name, documents);
        }
        return all;
    }

    private static DeliveredEvent record(long offset, String messageId) {
        Instant occurredAt = Instant.parse("2031-03-04T09:00:00Z").plusSeconds(offset);
        String json = "{\"caseId\":\"" + CASE + "\",\"districtId\":\"dk-fyn\",\"occurredAt\":\"" + occurredAt
                + "\",\"screenedBy\":\"screener-ole\",\"rationale\":\"decision " + offset + "\"}";
        return new DeliveredEvent(TOPIC, 1, offset, occurredAt.toEpochMilli(), CASE.toString(),
                "SecurityScreenCleared", 1, messageId, CASE.toString(), "dk-fyn", "corr-" + messageId, json);
    }
}

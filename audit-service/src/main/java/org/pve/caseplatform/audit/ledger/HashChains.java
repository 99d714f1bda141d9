package org.pve.caseplatform.audit.ledger;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.pve.caseplatform.support.kafka.DeliveredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One hash chain per topic partition, in offset order, over every record seen: a readable record with a new messageId
 * becomes a ledger entry carrying its link; a re-published duplicate or an unreadable record becomes a link of its
 * own in {@code ledger_links}, so positions stay contiguous with the topic's offsets. A chain head per chain moves
 * after each append and is signed into an anchor every N links or every T.
 */
public class HashChains {

    public static final String ENTRIES = "ledger";
    public static final String LINKS = "ledger_links";
    public static final String HEADS = "ledger_heads";
    public static final String ANCHORS = "ledger_anchors";

    private static final Logger log = LoggerFactory.getLogger(HashChains.class);

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> links;
    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> anchors;
    private final LedgerCases cases;
    private final AnchorSigner signer;
    private final long anchorEvery;
    private final Duration anchorInterval;
    private final Clock clock;
    private final Map<String, Anchored> lastAnchors = new ConcurrentHashMap<>();

    public HashChains(MongoDatabase database, AnchorSigner signer, long anchorEvery, Duration anchorInterval,
                      Clock clock) {
        this.entries = database.getCollection(ENTRIES);
        this.links = database.getCollection(LINKS);
        this.heads = database.getCollection(HEADS);
        this.anchors = database.getCollection(ANCHORS);
        this.cases = new LedgerCases(database);
        this.signer = signer;
        this.anchorEvery = anchorEvery;
        this.anchorInterval = anchorInterval;
        this.clock = clock;
    }

    public static String chainOf(String topic, int partition) {
        return topic + "/" + partition;
    }

    static String linkId(String chain, long position) {
        return chain + "@" + position;
    }

    /**
     * Chains the record; {@code entry} is its ledger entry document, or null when it could not be read. True when a
     * new ledger entry was written; false for a position already chained or a duplicate messageId.
     */
    public boolean append(DeliveredEvent record, Document entry) {
        String chain = chainOf(record.topic(), record.partition());
        long position = record.offset();
        Document head = heads.find(Filters.eq("_id", chain)).first();
        if (head != null && position <= number(head, "position")) {
            return false;
        }
        String previousHash = head == null ? ChainHash.GENESIS : head.getString("hash");
        long count = head == null ? 0 : number(head, "entries");
        Document recordDocument = recordOf(record);
        String hash = ChainHash.of(previousHash, record.topic(), record.partition(), position, recordDocument);
        Document link = new Document("chain", chain).append("position", position).append("topic", record.topic())
                .append("partition", record.partition()).append("offset", position).append("record", recordDocument)
                .append("previousHash", previousHash).append("hash", hash);
        boolean entered = false;
        if (entry != null) {
            Document document = new Document(entry).append("chain", chain).append("position", position)
                    .append("record", recordDocument).append("previousHash", previousHash).append("hash", hash);
            cases.note(entry.getString("caseId"), entry.get("_id"));
            try {
                entries.insertOne(document);
                entered = true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                Document first = entries.find(Filters.eq("_id", entry.get("_id"))).first();
                if (first != null && chain.equals(first.getString("chain"))
                        && first.get("position") != null && number(first, "position") == position) {
                    moveHead(chain, position, first.getString("hash"), count + 1); // written before a crash
                    return false;
                }
                link.append("duplicateOf", first == null || first.getString("chain") == null
                        ? entry.get("_id") : linkId(first.getString("chain"), number(first, "position")));
            }
        } else {
            link.append("unreadable", true);
        }
        if (!entered && !insertLink(link)) {
            Document written = links.find(Filters.eq("_id", linkId(chain, position))).first();
            moveHead(chain, position, written.getString("hash"), count + 1); // written before a crash
            return false;
        }
        moveHead(chain, position, hash, count + 1);
        anchorIfDue(chain, position, hash);
        return entered;
    }

    /** Anchors every chain whose head moved since its last anchor: called every anchor interval. */
    public void anchorAll() {
        for (Document head : heads.find()) {
            String chain = head.getString("_id");
            long position = number(head, "position");
            Anchored last = lastAnchor(chain);
            if (last == null || last.position() < position) {
                anchor(chain, position, head.getString("hash"));
            }
        }
    }

    public Duration anchorInterval() {
        return anchorInterval;
    }

    private void anchorIfDue(String chain, long position, String hash) {
        Anchored last = lastAnchor(chain);
        Instant now = clock.instant();
        if (last == null || position - last.position() >= anchorEvery
                || !now.isBefore(last.signedAt().plus(anchorInterval))) {
            anchor(chain, position, hash);
        }
    }

    synchronized void anchor(String chain, long position, String hash) {
        Instant signedAt = Instant.ofEpochMilli(clock.millis());
        Document anchor = new Document("_id", linkId(chain, position)).append("chain", chain)
                .append("position", position).append("hash", hash).append("signedAt", Date.from(signedAt))
                .append("signature", signer.sign(chain, position, hash, signedAt));
        try {
            anchors.insertOne(anchor);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        lastAnchors.merge(chain, new Anchored(position, signedAt),
                (old, fresh) -> fresh.position() >= old.position() ? fresh : old);
        log.debug("anchored {} at {}", chain, position);
    }

    private Anchored lastAnchor(String chain) {
        return lastAnchors.computeIfAbsent(chain, name -> {
            Document last = anchors.find(Filters.eq("chain", name)).sort(Sorts.descending("position")).first();
            return last == null ? null
                    : new Anchored(number(last, "position"), last.getDate("signedAt").toInstant());
        });
    }

    private boolean insertLink(Document link) {
        try {
            links.insertOne(new Document("_id", linkId(link.getString("chain"), number(link, "position")))
                    .append("chain", link.get("chain")).append("position", link.get("position"))
                    .append("topic", link.get("topic")).append("partition", link.get("partition"))
                    .append("offset", link.get("offset")).append("record", link.get("record"))
                    .append("previousHash", link.get("previousHash")).append("hash", link.get("hash"))
                    .append("duplicateOf", link.get("duplicateOf")).append("unreadable", link.get("unreadable")));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** One single-document write: the head is always a link that exists, at worst one behind after a crash. */
    private void moveHead(String chain, long position, String hash, long count) {
        heads.replaceOne(Filters.eq("_id", chain), new Document("_id", chain).append("position", position)
                .append("hash", hash).append("entries", count).append("updatedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    private static Document recordOf(DeliveredEvent record) {
        Document document = new Document();
        document.append("messageId", record.messageId()).append("eventType", record.eventType())
                .append("eventRevision", record.eventRevision()).append("caseId", record.caseId())
                .append("districtId", record.districtId()).append("correlationId", record.correlationId())
                .append("timestamp", record.timestamp()).append("json", record.json());
        return document;
    }

    /** A number field however it was written (a shell writes doubles), -1 when absent. */
    static long number(Document document, String field) {
        return document != null && document.get(field) instanceof Number number ? number.longValue() : -1;
    }

    private record Anchored(long position, Instant signedAt) {
    }
}

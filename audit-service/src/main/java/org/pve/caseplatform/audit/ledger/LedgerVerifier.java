package org.pve.caseplatform.audit.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.pve.caseplatform.audit.api.LedgerVerification;
import org.pve.caseplatform.audit.api.LedgerVerification.ChainProblem;
import org.pve.caseplatform.audit.api.LedgerVerification.ChainVerification;
import org.pve.caseplatform.audit.api.LedgerVerification.ProblemKind;

/**
 * Recomputes every chain from its links, checks each anchor's signature and the hash the chain has at the anchored
 * position, and compares positions with the topics' offsets; names the first problem of each chain.
 */
public class LedgerVerifier {

    private final MongoCollection<Document> entries;
    private final MongoCollection<Document> links;
    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> anchors;
    private final AnchorSigner signer;
    private final TopicOffsets topics;

    public LedgerVerifier(MongoDatabase database, AnchorSigner signer, TopicOffsets topics) {
        this.entries = database.getCollection(HashChains.ENTRIES);
        this.links = database.getCollection(HashChains.LINKS);
        this.heads = database.getCollection(HashChains.HEADS);
        this.anchors = database.getCollection(HashChains.ANCHORS);
        this.signer = signer;
        this.topics = topics;
    }

    public LedgerVerification verify() {
        Map<TopicPartition, TopicOffsets.Range> offsets = topics.offsets();
        TreeSet<String> chains = new TreeSet<>();
        heads.find().forEach(head -> chains.add(head.getString("_id")));
        entries.find(Filters.exists("chain")).forEach(entry -> chains.add(entry.getString("chain")));
        links.find().forEach(link -> chains.add(link.getString("chain")));
        anchors.find().forEach(anchor -> chains.add(anchor.getString("chain")));
        offsets.forEach((tp, range) -> {
            if (range.consumed() != null && range.consumed() > range.earliest()) {
                chains.add(HashChains.chainOf(tp.topic(), tp.partition()));
            }
        });
        List<ChainVerification> verified = new ArrayList<>();
        for (String chain : chains) {
            verified.add(verify(chain, offsets.get(partitionOf(chain))));
        }
        return new LedgerVerification(verified.stream().allMatch(chain -> chain.problems().isEmpty()), verified);
    }

    private ChainVerification verify(String chain, TopicOffsets.Range range) {
        // anchors, then the head, then the links: appends running meanwhile only add links beyond what was read
        List<Document> anchorList = new ArrayList<>();
        anchors.find(Filters.eq("chain", chain)).forEach(anchorList::add);
        Document head = heads.find(Filters.eq("_id", chain)).first();
        TreeMap<Long, List<Document>> byPosition = new TreeMap<>();
        entries.find(Filters.eq("chain", chain)).forEach(entry -> add(byPosition, entry));
        links.find(Filters.eq("chain", chain)).forEach(link -> add(byPosition, link));
        anchorList.sort(Comparator.comparingLong(anchor -> HashChains.number(anchor, "position")));
        List<ChainProblem> problems = new ArrayList<>();

        Map<Long, Document> chosen = new TreeMap<>();
        String previousHash = null;
        Long previousPosition = null;
        Document previous = null;
        for (Map.Entry<Long, List<Document>> at : byPosition.entrySet()) {
            long position = at.getKey();
            Map.Entry<Long, List<Document>> next = byPosition.higherEntry(position);
            Document link = choose(at.getValue(), previousHash, next == null ? List.of() : next.getValue());
            for (Document other : at.getValue()) {
                if (other != link) {
                    problems.add(problem(ProblemKind.INSERTED, position, other, "a second link at this position"));
                }
            }
            chosen.put(position, link);
            if (previousPosition == null) {
                long expectedFirst = range == null ? position : Math.min(position, range.earliest());
                if (!ChainHash.GENESIS.equals(link.getString("previousHash")) && offsetOf(link) == position) {
                    problems.add(new ChainProblem(ProblemKind.REMOVED, position - 1, null,
                            "the first link follows a link that is not there"));
                } else if (position > expectedFirst) {
                    problems.add(new ChainProblem(ProblemKind.REMOVED, expectedFirst, null,
                            "the topic starts at " + expectedFirst + " but the chain at " + position));
                }
            } else if (position > previousPosition + 1) {
                problems.add(new ChainProblem(ProblemKind.REMOVED, previousPosition + 1, null,
                        "positions " + (previousPosition + 1) + " to " + (position - 1) + " are missing"));
            } else if (!Objects.equals(link.getString("previousHash"), previousHash)) {
                if (!ownHashHolds(previous)) {
                    // the previous link's own check has named it already
                } else if (!ownHashHolds(link) || offsetOf(link) != position) {
                    // this link's own check names it below
                } else {
                    problems.add(problem(ProblemKind.ALTERED, previousPosition, previous,
                            "its hash was recomputed: the next link does not follow from it"));
                }
            }
            if (offsetOf(link) != position) {
                problems.add(problem(ProblemKind.REORDERED, position, link,
                        "holds the record of offset " + offsetOf(link)));
            } else if (!ownHashHolds(link)) {
                problems.add(problem(ProblemKind.ALTERED, position, link, "its content no longer has its hash"));
            } else if (!entryMatchesRecord(link)) {
                problems.add(problem(ProblemKind.ALTERED, position, link,
                        "the entry's data differs from the record it was read from"));
            }
            previousHash = link.getString("hash");
            previousPosition = position;
            previous = link;
        }

        Long last = previousPosition;
        if (head != null) {
            long headPosition = HashChains.number(head, "position");
            if (last == null || headPosition > last) {
                problems.add(new ChainProblem(ProblemKind.TAIL_CUT, last == null ? headPosition : last + 1, null,
                        "the chain head is at " + headPosition));
            } else if (chosen.get(headPosition) != null
                    && !Objects.equals(head.getString("hash"), chosen.get(headPosition).getString("hash"))
                    && ownHashHolds(chosen.get(headPosition))) {
                problems.add(problem(ProblemKind.ALTERED, headPosition, chosen.get(headPosition),
                        "the chain head holds another hash"));
            }
        }
        Long lastAnchor = null;
        for (Document anchor : anchorList) {
            long position = HashChains.number(anchor, "position");
            String hash = anchor.getString("hash");
            if (!signatureHolds(chain, anchor)) {
                problems.add(new ChainProblem(ProblemKind.BAD_ANCHOR, position, null,
                        "the anchor's signature does not hold"));
                continue;
            }
            lastAnchor = position;
            Document link = chosen.get(position);
            if (link == null) {
                if (last == null || position > last) {
                    problems.add(new ChainProblem(ProblemKind.TAIL_CUT, last == null ? 0 : last + 1, null,
                            "the chain ends before the anchor at " + position));
                }
            } else if (!Objects.equals(hash, link.getString("hash"))) {
                problems.add(problem(ProblemKind.ALTERED, position, link,
                        "the chain here no longer has the anchored hash (altered at or before this position,"
                                + " after the previous anchor)"));
            }
        }
        if (range != null && range.consumed() != null) {
            long consumedUpTo = range.consumed() - 1;
            if (consumedUpTo >= range.earliest() && (last == null || consumedUpTo > last)) {
                problems.add(new ChainProblem(ProblemKind.TAIL_CUT, last == null ? range.earliest() : last + 1, null,
                        "the ledger consumed the topic up to offset " + consumedUpTo));
            }
        }
        if (range != null && last != null && last >= range.end()) {
            problems.add(problem(ProblemKind.INSERTED, range.end(), chosen.get(range.end()),
                    "the chain goes beyond the topic's end offset " + range.end()));
        }
        List<ChainProblem> first = problems.stream()
                .min(Comparator.comparingLong(ChainProblem::position)).map(List::of).orElse(List.of());
        return new ChainVerification(chain, byPosition.values().stream().mapToLong(List::size).sum(),
                head == null ? null : HashChains.number(head, "position"), head == null ? null : head.getString("hash"),
                lastAnchor, first);
    }

    private boolean signatureHolds(String chain, Document anchor) {
        try {
            return signer.verify(chain, HashChains.number(anchor, "position"), anchor.getString("hash"),
                    anchor.getDate("signedAt").toInstant(), anchor.getString("signature"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Of several links claiming one position, the one the next link follows from, else the one that follows on. */
    private static Document choose(List<Document> candidates, String previousHash, List<Document> next) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        for (Document candidate : candidates) {
            for (Document following : next) {
                if (Objects.equals(candidate.getString("hash"), following.getString("previousHash"))) {
                    return candidate;
                }
            }
        }
        for (Document candidate : candidates) {
            if (Objects.equals(candidate.getString("previousHash"), previousHash) && ownHashHolds(candidate)) {
                return candidate;
            }
        }
        return candidates.get(0);
    }

    private static boolean ownHashHolds(Document link) {
        try {
            return link.getString("hash") != null
                    && link.getString("hash").equals(ChainHash.of(link.getString("previousHash"), link));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A ledger entry shows its record's data and identity: neither may differ from the hashed record. */
    private static boolean entryMatchesRecord(Document link) {
        if (!link.containsKey("data")) {
            return true;
        }
        Document record = link.get("record", Document.class);
        try {
            return Document.parse(record.getString("json")).equals(link.get("data", Document.class))
                    && Objects.equals(link.get("_id"), record.getString("messageId"))
                    && Objects.equals(link.getString("topic"), link.getString("chain")
                    .substring(0, link.getString("chain").lastIndexOf('/')))
                    && Objects.equals(link.getString("eventType"), record.getString("eventType"));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static long offsetOf(Document link) {
        Object offset = link.get("offset");
        return offset instanceof Number number ? number.longValue() : -1;
    }

    private static void add(TreeMap<Long, List<Document>> byPosition, Document link) {
        Object position = link.get("position");
        if (position instanceof Number number) {
            byPosition.computeIfAbsent(number.longValue(), key -> new ArrayList<>()).add(link);
        }
    }

    private static ChainProblem problem(ProblemKind kind, long position, Document link, String detail) {
        return new ChainProblem(kind, position, link == null ? null : messageIdOf(link), detail);
    }

    private static String messageIdOf(Document link) {
        Document record = link.get("record", Document.class);
        return record == null ? null : record.getString("messageId");
    }

    private static TopicPartition partitionOf(String chain) {
        int slash = chain.lastIndexOf('/');
        try {
            return new TopicPartition(chain.substring(0, slash), Integer.parseInt(chain.substring(slash + 1)));
        } catch (RuntimeException e) {
            return new TopicPartition(chain, -1);
        }
    }
}

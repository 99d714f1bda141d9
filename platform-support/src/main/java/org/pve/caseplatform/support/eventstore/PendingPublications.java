package org.pve.caseplatform.support.eventstore;

import com.mongodb.MongoNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.types.ObjectId;

/**
 * Which events this JVM just stored, per events collection: a hint that lets the outbox relay read them by
 * {@code _id} instead of scanning the collection for {@code published: false}. A hint is only ever a shortcut, never
 * the truth: the mark on the event document stays what decides (ADR 0002), the relay still scans on a slower beat for
 * whatever a hint missed (another instance's events, a send that failed), and hints past {@value #LIMIT} per
 * collection are dropped for that scan to find.
 */
public final class PendingPublications {

    static final int LIMIT = 100_000;

    private static final Map<String, PendingPublications> BY_NAMESPACE = new ConcurrentHashMap<>();

    private final Queue<Hint> hints = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();

    private PendingPublications() {
    }

    /** The hints of one events collection in this JVM. */
    public static PendingPublications of(MongoNamespace namespace) {
        return BY_NAMESPACE.computeIfAbsent(namespace.getFullName(), name -> new PendingPublications());
    }

    /** Notes events that were just inserted, still unpublished. */
    void stored(List<ObjectId> ids, long nowNanos) {
        for (ObjectId id : ids) {
            if (size.incrementAndGet() > LIMIT) {
                size.decrementAndGet();
                return;
            }
            hints.add(new Hint(id, nowNanos));
        }
    }

    /** Takes up to {@code max} hints, oldest first. */
    List<Hint> take(int max) {
        List<Hint> taken = new ArrayList<>();
        Hint hint;
        while (taken.size() < max && (hint = hints.poll()) != null) {
            size.decrementAndGet();
            taken.add(hint);
        }
        return taken;
    }

    /** Gives a hint back, for one whose event could not be read yet. */
    void retry(Hint hint) {
        if (size.incrementAndGet() > LIMIT) {
            size.decrementAndGet();
            return;
        }
        hints.add(hint);
    }

    /** One stored event's id and when it was noted. */
    record Hint(ObjectId id, long notedAtNanos) {
    }
}

package org.pve.caseplatform.support.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.pve.caseplatform.contract.EventCatalogue;
import org.pve.caseplatform.contract.upcasting.EventUpcaster;
import org.pve.caseplatform.contract.upcasting.Upcasters;

/**
 * The contract's upcasters, applied to the services' own event stores: a stored event keeps the revision it was
 * written in (the catalogue's revision of its record, "1" for those written before revisions were recorded), and
 * loading an aggregate or streaming its events reads old revisions through the same pure JSON functions as the
 * Kafka consumers do.
 */
public final class CatalogueUpcasters {

    private CatalogueUpcasters() {
    }

    /** The revision Axon records with each stored event: the catalogue's, for catalogued events. */
    public static RevisionResolver revisions() {
        return payloadType -> EventCatalogue.isCatalogued(payloadType)
                ? Integer.toString(EventCatalogue.of(payloadType).revision()) : null;
    }

    /** One Axon upcaster per step of the contract, in order; stateless, so one chain serves every read. */
    private static final EventUpcasterChain CHAIN =
            new EventUpcasterChain(Upcasters.all().stream().map(Step::new).toList());

    public static EventUpcasterChain chain() {
        return CHAIN;
    }

    /** One step of one event, on Axon's intermediate representation of a stored event. */
    private static final class Step extends SingleEventUpcaster {

        private final EventUpcaster upcaster;
        private final String className;

        Step(EventUpcaster upcaster) {
            this.upcaster = upcaster;
            this.className = EventCatalogue.byName(upcaster.eventType()).orElseThrow().recordClass().getName();
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            String revision = representation.getType().getRevision();
            int stored = revision == null ? 1 : Integer.parseInt(revision);
            return className.equals(representation.getType().getName()) && stored == upcaster.fromRevision();
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(
                    new SimpleSerializedType(className, Integer.toString(upcaster.fromRevision() + 1)),
                    JsonNode.class, json -> upcaster.upcast(((ObjectNode) json).deepCopy()));
        }
    }
}

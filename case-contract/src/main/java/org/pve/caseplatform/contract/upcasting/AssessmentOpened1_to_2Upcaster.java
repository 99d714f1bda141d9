package org.pve.caseplatform.contract.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * AssessmentOpened revision 1 named the framework's family {@code frameworkId}; once frameworks became versioned
 * data, a family and a version together name a framework, and revision 2 calls the family {@code frameworkFamily}.
 * The value is the same; the field keeps its place.
 */
public final class AssessmentOpened1_to_2Upcaster implements EventUpcaster {

    @Override
    public String eventType() {
        return "AssessmentOpened";
    }

    @Override
    public int fromRevision() {
        return 1;
    }

    @Override
    public ObjectNode upcast(ObjectNode event) {
        ObjectNode next = event.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = event.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            next.set(field.getKey().equals("frameworkId") ? "frameworkFamily" : field.getKey(), field.getValue());
        }
        return next;
    }
}

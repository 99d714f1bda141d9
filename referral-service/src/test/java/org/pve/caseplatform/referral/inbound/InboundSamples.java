package org.pve.caseplatform.referral.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Inbound messages built from the repository's sample, each with a fresh externalReference. */
final class InboundSamples {

    static final String SAMPLE = "samples/inbound-referral.sample.json";
    static final String GIVEN_NAMES = "Mika";
    static final String FAMILY_NAME = "Testlund";
    static final String DATE_OF_BIRTH = "2009-03-14";
    static final String CONCERN = "shares extremist propaganda in class chats";

    private static final ObjectMapper JSON = new ObjectMapper();

    private InboundSamples() {
    }

    /** The sample with a new externalReference: {@code reference()} gives it back. */
    static ObjectNode referral() {
        ObjectNode sample = read();
        sample.put("externalReference", "odense-sag-" + UUID.randomUUID());
        return sample;
    }

    static String reference(ObjectNode referral) {
        return referral.get("externalReference").asText();
    }

    static byte[] bytes(ObjectNode referral) {
        return referral.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode read() {
        try (InputStream in = InboundSamples.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("no " + SAMPLE + " on the classpath");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

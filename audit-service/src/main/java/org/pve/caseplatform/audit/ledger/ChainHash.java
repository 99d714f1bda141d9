package org.pve.caseplatform.audit.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bson.Document;

/** The SHA-256 of one chain link: the previous link's hash, where the record sits and the record as received. */
public final class ChainHash {

    /** The previous hash of a chain's first link. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /** Hashes a link document (chain fields plus its {@code record}) with the given previous hash. */
    public static String of(String previousHash, Document link) {
        Document record = link.get("record", Document.class);
        return of(previousHash, link.getString("topic"), ((Number) link.get("partition")).intValue(),
                ((Number) link.get("offset")).longValue(), record == null ? new Document() : record);
    }

    static String of(String previousHash, String topic, int partition, long offset, Document record) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        field(bytes, previousHash);
        field(bytes, topic);
        field(bytes, Integer.toString(partition));
        field(bytes, Long.toString(offset));
        field(bytes, record.getString("messageId"));
        field(bytes, record.getString("eventType"));
        field(bytes, record.get("eventRevision") == null ? null : record.get("eventRevision").toString());
        field(bytes, record.getString("caseId"));
        field(bytes, record.getString("districtId"));
        field(bytes, record.getString("correlationId"));
        field(bytes, record.get("timestamp") == null ? null : record.get("timestamp").toString());
        field(bytes, record.getString("json"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length-prefixed, so no two different field lists hash the same bytes; -1 stands for an absent field. */
    private static void field(ByteArrayOutputStream bytes, String value) {
        if (value == null) {
            writeInt(bytes, -1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeInt(bytes, utf8.length);
        bytes.writeBytes(utf8);
    }

    private static void writeInt(ByteArrayOutputStream bytes, int value) {
        bytes.write(value >>> 24);
        bytes.write(value >>> 16);
        bytes.write(value >>> 8);
        bytes.write(value);
    }
}

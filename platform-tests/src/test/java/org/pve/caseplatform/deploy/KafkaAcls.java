package org.pve.caseplatform.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The grants of deploy/kafka/acls.csv, read with the same rules as deploy/kafka/init.sh: lines starting with '#' and
 * blank lines are skipped, the first other line is the header, every grant allows from any host.
 */
final class KafkaAcls {

    static final String HEADER = "principal,resourceType,patternType,resourceName,operation";

    private final List<AclBinding> grants;

    private KafkaAcls(List<AclBinding> grants) {
        this.grants = List.copyOf(grants);
    }

    static KafkaAcls read(Path file) {
        try {
            return parse(file.toString(), Files.readAllLines(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    static KafkaAcls parse(String source, List<String> lines) {
        List<AclBinding> grants = new ArrayList<>();
        boolean headerSeen = false;
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException(source + ":" + number + ": the header must be " + HEADER);
                }
                headerSeen = true;
                continue;
            }
            grants.add(grant(source + ":" + number, line));
        }
        return new KafkaAcls(grants);
    }

    private static AclBinding grant(String where, String line) {
        String[] columns = line.split(",", -1);
        if (columns.length != 5) {
            throw new IllegalArgumentException(where + ": expected 5 columns, found " + columns.length);
        }
        if (!columns[0].startsWith("User:") || columns[0].length() == "User:".length()) {
            throw new IllegalArgumentException(where + ": principal must be User:<name>");
        }
        ResourceType type = ResourceType.valueOf(columns[1]);
        PatternType pattern = PatternType.valueOf(columns[2]);
        AclOperation operation = AclOperation.valueOf(columns[4]);
        if (type == ResourceType.ANY || type == ResourceType.UNKNOWN || !pattern.isSpecific()
                || operation == AclOperation.ANY || operation == AclOperation.UNKNOWN || columns[3].isEmpty()) {
            throw new IllegalArgumentException(where + ": a grant names one specific resource and operation");
        }
        return new AclBinding(new ResourcePattern(type, columns[3], pattern),
                new AccessControlEntry(columns[0], "*", operation, AclPermissionType.ALLOW));
    }

    List<AclBinding> grants() {
        return grants;
    }

    /** The user names the grants are for, in order of first appearance. */
    Set<String> users() {
        Set<String> users = new LinkedHashSet<>();
        grants.forEach(grant -> users.add(grant.entry().principal().substring("User:".length())));
        return users;
    }
}

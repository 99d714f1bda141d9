package org.pve.caseplatform.support.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A resource's version as an HTTP entity tag: the strong ETag {@code "N"}, N being the aggregate's version (the
 * sequence number of its last event). If-Match takes one such tag (weak {@code W/"N"} accepted) or {@code *}.
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";
    /** The metadata key under which a command carries the version its If-Match named. */
    public static final String EXPECTED_VERSION = "expectedVersion";

    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"(-?\\d{1,18})\"$");

    private Versions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an If-Match header names, or null when absent or {@code *} (any version). */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = TAG.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidRequest(IF_MATCH, "must be one entity tag as sent in the ETag header, e.g. \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}

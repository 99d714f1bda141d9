package org.pve.caseplatform.support.metrics;

/**
 * The names and tags of the platform's own meters (docs/operations/metrics.md), as Micrometer spells them; the
 * Prometheus endpoint shows them with underscores ({@code platform_commands_total}). Tag values are bounded: event
 * types, command names, districts, topics and partitions, never a case or a person.
 */
public final class PlatformMetrics {

    public static final String COMMANDS = "platform.commands";
    public static final String EVENTS_PUBLISHED = "platform.events.published";
    public static final String CONSUMER_LAG = "platform.consumer.lag";
    public static final String EVENT_LATENCY = "platform.event.latency";
    public static final String EVENTS_CONSUMED = "platform.events.consumed";
    public static final String DEADLINES_PENDING = "platform.deadlines.pending";
    public static final String DEADLINES_OVERDUE = "platform.deadlines.overdue";
    public static final String DEADLINES_FIRED = "platform.deadlines.fired";
    public static final String DEAD_LETTERS = "platform.dead.letters";
    public static final String PARKED_SEQUENCES = "platform.parked.sequences";
    public static final String REPLAY_EVENTS = "platform.replay.events";
    public static final String REPLAY_PROGRESS = "platform.replay.progress";
    public static final String SHARD_INFO = "platform.shard.info";

    /** The district tag of an event or deadline that names none. */
    public static final String UNKNOWN = "unknown";

    private PlatformMetrics() {
    }

    /** A tag value that is never null or blank. */
    public static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}

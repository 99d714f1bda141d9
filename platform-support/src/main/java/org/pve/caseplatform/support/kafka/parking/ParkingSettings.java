package org.pve.caseplatform.support.kafka.parking;

import java.time.Duration;

/**
 * How hard a consumer tries a record that fails for a reason of its own (not a transient one) before it parks the
 * record's case: {@code attempts} tries in all, {@code pause} between them ({@code platform.parking.*}).
 */
public record ParkingSettings(int attempts, Duration pause) {

    public static final ParkingSettings DEFAULTS = new ParkingSettings(3, Duration.ofMillis(500));

    public ParkingSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("platform.parking.attempts must be at least 1");
        }
    }
}

package org.pve.caseplatform.contract;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The subject's age band, recorded even when the identity is not. */
public enum AgeBand {
    UNDER_12,
    @JsonProperty("12_15") AGE_12_15,
    @JsonProperty("16_17") AGE_16_17,
    @JsonProperty("18_24") AGE_18_24,
    @JsonProperty("25_PLUS") AGE_25_PLUS,
    UNKNOWN
}

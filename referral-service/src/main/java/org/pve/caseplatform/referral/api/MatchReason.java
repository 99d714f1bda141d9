package org.pve.caseplatform.referral.api;

/** Why a case is proposed as possibly the same person: what differs, never what the names are. */
public enum MatchReason {
    /** Names and date of birth agree as written. */
    SAME_IDENTITY,
    /** The given names are spelled, transliterated or given in part differently. */
    GIVEN_NAMES_DIFFER,
    /** The family name is spelled or transliterated differently (Müller, Mueller, Muller). */
    FAMILY_NAME_SPELLING,
    /** One side gives only a part of a double or hyphenated family name. */
    DOUBLE_FAMILY_NAME,
    /** The given and family names appear the other way round. */
    NAMES_SWAPPED,
    /** One side has no date of birth. */
    MISSING_DATE_OF_BIRTH
}

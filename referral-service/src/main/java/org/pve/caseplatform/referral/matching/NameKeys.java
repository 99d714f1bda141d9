package org.pve.caseplatform.referral.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pve.caseplatform.referral.api.MatchReason;

/**
 * The blind keys of one referral's subject: keyed hashes of each name part's skeleton, of the names as written and of
 * the date of birth (absent when unknown). Comparing two sets of keys tells whether the subjects may be one person
 * and why, without either name being readable.
 *
 * @param familyParts how many parts the family name has (a double or hyphenated name has two)
 */
public record NameKeys(List<String> givenSkeletons, List<String> familySkeletons, String givenWritten,
                       String familyWritten, int familyParts, String dateOfBirth) {

    /**
     * The reasons the two may be the same person, or empty when they are not: a given-name part and a family-name
     * part must agree, straight or crosswise, and the dates of birth must agree or be missing on either side.
     */
    public Optional<List<MatchReason>> compare(NameKeys other) {
        boolean datesAgree = dateOfBirth == null || other.dateOfBirth == null
                || dateOfBirth.equals(other.dateOfBirth);
        boolean straight = overlap(givenSkeletons, other.givenSkeletons)
                && overlap(familySkeletons, other.familySkeletons);
        boolean crosswise = overlap(givenSkeletons, other.familySkeletons)
                && overlap(familySkeletons, other.givenSkeletons);
        if (!datesAgree || !(straight || crosswise)) {
            return Optional.empty();
        }
        List<MatchReason> reasons = new ArrayList<>();
        if (!straight) {
            reasons.add(MatchReason.NAMES_SWAPPED);
        } else {
            if (!givenWritten.equals(other.givenWritten)) {
                reasons.add(MatchReason.GIVEN_NAMES_DIFFER);
            }
            if (familyParts != other.familyParts) {
                reasons.add(MatchReason.DOUBLE_FAMILY_NAME);
            } else if (!familyWritten.equals(other.familyWritten)) {
                reasons.add(MatchReason.FAMILY_NAME_SPELLING);
            }
        }
        if (dateOfBirth == null || other.dateOfBirth == null) {
            reasons.add(MatchReason.MISSING_DATE_OF_BIRTH);
        }
        return Optional.of(reasons.isEmpty() ? List.of(MatchReason.SAME_IDENTITY) : List.copyOf(reasons));
    }

    /**
     * Names the open case a referral joins without a person's decision: same district, same subjectRef and the names
     * as written (the pseudonym alone folds accents and hyphens, which only a person may decide are the same).
     */
    public String claimIn(String districtId, String subjectRef) {
        return districtId + "|" + subjectRef + "|" + givenWritten + "|" + familyWritten;
    }

    private static boolean overlap(Collection<String> a, Collection<String> b) {
        return a.stream().anyMatch(b::contains);
    }
}

package org.pve.caseplatform.benchmark;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Invented referrals: every one about a different invented person (names spelled from the case's number, so no two
 * referrals link or match), with a unique external reference.
 */
final class Referrals {

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "su", "te", "vi", "no", "pe", "da"};
    private static final LocalDate FIRST_BIRTHDAY = LocalDate.of(2007, 1, 1);

    private Referrals() {
    }

    /** The body of POST /referrals or of an inbound record (channel INTEGRATION) for the n-th invented person. */
    static Map<String, Object> referral(String runId, long number, String districtId, boolean inbound) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", inbound ? "INTEGRATION" : "AGENCY");
        body.put("referrerAgency", inbound ? "SOCIAL_SERVICES" : "EDUCATION");
        body.put("districtId", districtId);
        body.put("municipalityId", "0461");
        body.put("subject", Map.of("givenNames", capitalised(spelled(number)), "familyName",
                "Bench" + spelled(number / 7 + 11) + "-" + runId,
                "dateOfBirth", FIRST_BIRTHDAY.plusDays(number % 1500).toString()));
        body.put("ageBand", "16_17");
        body.put("concernCategories", List.of("FAR_RIGHT"));
        body.put("concernSummary", "Invented benchmark text: shares extremist material in class chats.");
        body.put("externalReference", externalReference(runId, number));
        return body;
    }

    static String externalReference(String runId, long number) {
        return "bench-" + runId + "-" + number;
    }

    /** The number in syllables, one per decimal digit: 305 is "tekasu". */
    static String spelled(long number) {
        StringBuilder name = new StringBuilder();
        String digits = Long.toString(Math.abs(number));
        for (char digit : digits.toCharArray()) {
            name.append(SYLLABLES[digit - '0']);
        }
        return name.toString();
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}

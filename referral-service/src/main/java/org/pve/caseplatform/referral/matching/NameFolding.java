package org.pve.caseplatform.referral.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Folds names so spellings and transliterations of one name agree: case and accents (Müller, Muller), German and
 * Nordic transcriptions (Mueller, Joergensen, Jørgensen), then a consonant skeleton that drops the vowels after the
 * first letter and collapses doubled letters (Mohammed, Muhammad, Mohamed). Pure functions; nothing here is secret,
 * the keys built from it are ({@link BlindKeys}).
 */
public final class NameFolding {

    /** Particles that many unrelated names share (al-, van, de ...): alone they prove nothing. */
    private static final Set<String> PARTICLES = Set.of("al", "el", "ul", "bin", "ben", "ibn", "bint", "van", "von",
            "de", "der", "den", "del", "da", "di", "du", "dos", "das", "la", "le", "ter", "ten");
    private static final Map<String, String> LETTERS = Map.of("ß", "ss", "ø", "o", "æ", "a", "œ", "o", "ł", "l",
            "đ", "d", "ð", "d", "þ", "t", "ı", "i");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-\u2010\u2011\u2012\u2013\u2014_.,/]+");
    private static final Pattern APOSTROPHES = Pattern.compile("['`\u2018\u2019\u02bc]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z]");
    private static final String VOWELS = "aeiouy";

    private NameFolding() {
    }

    /** The parts of a name that a match compares: split at spaces and hyphens, particles dropped, folded. */
    public static List<String> parts(String name) {
        List<String> all = new ArrayList<>();
        for (String part : SEPARATORS.split(APOSTROPHES.matcher(name == null ? "" : name).replaceAll(""))) {
            String folded = fold(part);
            if (!folded.isEmpty()) {
                all.add(folded);
            }
        }
        List<String> meaningful = all.stream().filter(part -> !PARTICLES.contains(part)).toList();
        return meaningful.isEmpty() ? all : meaningful;
    }

    /** Lower case, letters outside ASCII transcribed, accents dropped, ue/oe/ae read as u/o/a, ph as f. */
    public static String fold(String part) {
        String lower = part.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> letter : LETTERS.entrySet()) {
            lower = lower.replace(letter.getKey(), letter.getValue());
        }
        String plain = NOT_A_LETTER.matcher(MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD))
                .replaceAll("")).replaceAll("");
        return plain.replace("ue", "u").replace("oe", "o").replace("ae", "a").replace("ph", "f")
                .replace("ck", "k").replace("sch", "sh").replace("th", "t");
    }

    /** The consonant skeleton of a folded part: its first letter, then no vowels, no letter twice in a row. */
    public static String skeleton(String folded) {
        StringBuilder skeleton = new StringBuilder();
        char previous = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((i > 0 && VOWELS.indexOf(c) >= 0) || c == previous) {
                continue;
            }
            skeleton.append(c);
            previous = c;
        }
        return skeleton.toString();
    }

    /** A name as written, only case and spacing made uniform: tells Müller from Muller and a hyphen from a space. */
    public static String written(String name) {
        return Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).trim()
                .replaceAll("\\s+", " ");
    }
}

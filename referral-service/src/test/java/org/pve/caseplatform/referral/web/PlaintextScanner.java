package org.pve.caseplatform.referral.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * Looks for people's names, dates of birth and concern texts in stored or published events: as written, in any
 * case, with accents stripped, and inside nested or escaped JSON (a payload stored as a JSON string, say).
 */
final class PlaintextScanner {

    /** An invented person, as a referrer would write them. */
    record Person(String givenNames, String familyName, String dateOfBirth, String concern) {
    }

    private final List<String> needles = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();

    PlaintextScanner(List<Person> people, List<String> otherTexts) {
        for (Person person : people) {
            String[] ymd = person.dateOfBirth().split("-");
            needles.addAll(List.of(person.givenNames(), person.familyName(), person.dateOfBirth(),
                    String.join("", ymd), ymd[2] + "/" + ymd[1] + "/" + ymd[0], ymd[2] + "." + ymd[1] + "." + ymd[0],
                    person.concern(), person.concern().substring(10, 40)));
            for (String part : (person.givenNames() + " " + person.familyName()).split("[ -]")) {
                if (part.length() >= 7) {
                    needles.add(part);
                }
            }
        }
        for (String text : otherTexts) {
            needles.addAll(List.of(text, text.substring(10, 40)));
        }
    }

    /** What of the needles each text holds, with where; empty when nothing is readable. */
    List<String> leaks(List<String> texts) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            String folded = fold(text);
            for (String needle : needles) {
                if (text.contains(needle) || folded.contains(fold(needle))) {
                    found.add(needle + " in " + text.substring(0, Math.min(300, text.length())));
                }
            }
        }
        return found;
    }

    /** A stored document as the scan reads it: its JSON and every string in it, nested JSON unpacked. */
    String document(Document document) {
        StringBuilder text = new StringBuilder(document.toJson());
        collect(document, text);
        return text.toString();
    }

    /** A JSON text as the scan reads it: itself and every string inside it, unescaped. */
    String json(String raw) {
        StringBuilder text = new StringBuilder();
        unpack(raw, text);
        return text.toString();
    }

    private void collect(Object value, StringBuilder text) {
        if (value instanceof Document document) {
            document.values().forEach(inner -> collect(inner, text));
        } else if (value instanceof List<?> list) {
            list.forEach(inner -> collect(inner, text));
        } else if (value instanceof Binary binary) {
            unpack(new String(binary.getData(), StandardCharsets.UTF_8), text);
        } else if (value instanceof String string) {
            unpack(string, text);
        }
    }

    private void unpack(String value, StringBuilder text) {
        text.append('\n').append(value);
        JsonNode node;
        try {
            node = json.readTree(value);
        } catch (Exception notJson) {
            return;
        }
        if (node != null && node.isContainerNode()) {
            walk(node, text);
        }
    }

    private void walk(JsonNode node, StringBuilder text) {
        if (node.isTextual()) {
            unpack(node.asText(), text);
        }
        node.forEach(child -> walk(child, text));
    }

    /** Lower case without diacritics; letters that do not decompose (ø, æ, ł, ı, ß) are mapped by hand. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return decomposed.replace("ø", "o").replace("æ", "ae").replace("ł", "l").replace("ı", "i")
                .replace("ß", "ss");
    }
}

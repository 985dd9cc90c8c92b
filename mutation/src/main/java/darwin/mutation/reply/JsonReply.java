package darwin.mutation.reply;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import darwin.core.Change;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the JSON form's object in a reply and reads it.
 *
 * <p>Where the object starts: at the reply's first character when the reply is an object; else
 * at the first opening brace after a fence opened with {@code ```json} (or a bare fence) when that
 * object has a reply's fields ({@code edits}, {@code request}, {@code summary} or
 * {@code reasoning}); else at the first opening brace from which a whole object with a reply's fields
 * parses — the outermost such object, since an enclosing object starts earlier. The object ends
 * where it closes; what follows is ignored. When nothing parses, the message reports the attempt
 * that got furthest, as the object the model meant, with its line and column in the reply.
 *
 * <p>Reading is strict about names: an object that gives a name twice, at any depth, does not parse
 * ({@link DuplicateKeys}), wherever the object is found, since a lenient reader would keep one of
 * the two values and silently drop the other.
 */
final class JsonReply {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    /** Where Jackson's messages name the input and a start marker; not for the model. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*\\][^)]*\\)|\\s*at \\[Source:[^\\]]*\\]");
    private static final Set<String> REPLY_FIELDS = Set.of("edits", "request", "summary", "reasoning");
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*```[ \\t]*(?i:json)?[ \\t]*\\n[ \\t]*\\{");

    private JsonReply() {
    }

    /** The change in the object that starts at {@code start}, the one the reply must mean. */
    static Change readAt(String reply, int start) throws MalformedReply {
        return JsonChange.read(objectAt(reply, start));
    }

    /** The JSON value that starts at {@code start}; a message with its line and column if it does not parse. */
    static JsonNode objectAt(String reply, int start) throws MalformedReply {
        Attempt attempt = attempt(reply, start);
        if (attempt.node() == null) {
            throw attempt.malformed(reply);
        }
        return attempt.node();
    }

    /** The object in a fence, or else the outermost object amid prose that is a reply. */
    static Change readEmbedded(String reply) throws MalformedReply {
        var fence = FENCE.matcher(reply);
        if (fence.find()) {
            JsonNode fenced = objectAt(reply, fence.end() - 1);
            if (isReply(fenced)) {
                return JsonChange.read(fenced);
            }
        }
        Attempt furthest = null;
        for (int at = reply.indexOf('{'); at >= 0; at = reply.indexOf('{', at + 1)) {
            Attempt attempt = attempt(reply, at);
            if (attempt.node() != null && isReply(attempt.node())) {
                return JsonChange.read(attempt.node());
            }
            if (attempt.node() == null && (furthest == null || attempt.errorAt() > furthest.errorAt())) {
                furthest = attempt;
            }
        }
        if (furthest != null) {
            throw furthest.malformed(reply);
        }
        throw new MalformedReply("No JSON object in the reply has \"edits\" or \"request\". Reply with one object"
                + " {\"reasoning\", \"summary\", \"tags\", \"edits\", \"request\"}.");
    }

    private static boolean isReply(JsonNode node) {
        if (!node.isObject()) {
            return false;
        }
        return node.properties().stream()
                .map(field -> field.getKey().toLowerCase(Locale.ROOT))
                .anyMatch(REPLY_FIELDS::contains);
    }

    private static Attempt attempt(String reply, int start) {
        String text = reply.substring(start);
        Optional<DuplicateKeys.Duplicate> duplicate = DuplicateKeys.first(text);
        if (duplicate.isPresent()) {
            return duplicated(reply, start, duplicate.get());
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            return new Attempt(start, node, -1, "", "");
        } catch (JsonProcessingException e) {
            String cause = e.getOriginalMessage();
            return new Attempt(start, null, start + offset(e.getLocation(), text), cause, hint(cause));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string failed", e);
        }
    }

    private static Attempt duplicated(String reply, int start, DuplicateKeys.Duplicate duplicate) {
        int first = start + duplicate.first();
        String cause = "the field \"" + duplicate.name() + "\" is given twice in one object (first at line "
                + Excerpts.lineOf(reply, first) + ", column " + Excerpts.columnOf(reply, first)
                + "), and only one of the two values would be read";
        String hint = duplicate.name().equalsIgnoreCase("edits")
                ? "\nGive each field once: every edit goes in the one \"edits\" array."
                : "\nGive each field once in an object.";
        return new Attempt(start, null, start + duplicate.again(), cause, hint);
    }

    private static String hint(String cause) {
        if (cause == null) {
            return "";
        }
        if (cause.contains("CTRL-CHAR")) {
            return "\nA newline inside a string is written \\n, a tab \\t.";
        }
        if (cause.contains("double-quote") || cause.contains("Unrecognized token") || cause.contains("code 39")) {
            return "\nNames and strings are written in double quotes, and a double quote inside a string as \\\".";
        }
        return "";
    }

    private static int offset(JsonLocation location, String text) {
        if (location == null) {
            return 0;
        }
        long chars = location.getCharOffset();
        if (chars >= 0) {
            return (int) Math.min(chars, text.length());
        }
        int line = Math.max(1, location.getLineNr());
        int offset = 0;
        for (int i = 1; i < line && offset >= 0; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return Math.min(text.length(), Math.max(0, offset) + Math.max(0, location.getColumnNr() - 1));
    }

    /** One try at an object from {@code start}: the object, or where and why it failed, and a hint for the model. */
    private record Attempt(int start, JsonNode node, int errorAt, String error, String hint) {

        MalformedReply malformed(String reply) {
            int at = Math.min(errorAt, reply.length());
            String where = "line " + Excerpts.lineOf(reply, at) + ", column " + Excerpts.columnOf(reply, at);
            String what = start == 0 ? "The reply's JSON" : "The JSON object that opens at line " + Excerpts.lineOf(reply, start);
            String cause = SOURCE.matcher(error == null ? "" : error).replaceAll("").strip();
            if (cause.isEmpty()) {
                cause = "it does not parse";
            }
            if (at >= reply.length()) {
                cause += "; the reply ends before the object closes";
            }
            return new MalformedReply(what + " is malformed at " + where + ": " + cause + ".\n" + Excerpts.pointAt(reply, at)
                    + hint);
        }
    }
}

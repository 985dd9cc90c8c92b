package darwin.mutation.reply;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a name given twice in one object of a reply's JSON, at any depth.
 *
 * <p>Why: a JSON reader keeps one of the two values and drops the other without a word (Jackson
 * keeps the last). A reply with two {@code "edits"} arrays would then be recorded with reasoning and a
 * summary that describe edits never made. JSON says names should be unique; a reply that breaks
 * that is malformed and sent back, naming both places. Names are compared exactly, as JSON does;
 * names that differ only in case are the business of {@link JsonFields}.
 */
final class DuplicateKeys {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /**
     * A name given twice in one object.
     *
     * @param name the name
     * @param first the offset of its first occurrence (its opening quote) in the text searched
     * @param again the offset of the second
     */
    record Duplicate(String name, int first, int again) {
    }

    private DuplicateKeys() {
    }

    /**
     * The first duplicate name in the JSON value that opens {@code text}, in reading order; empty
     * when there is none before the value ends or a syntax error stops the reading (the syntax error
     * is then the reader's to report).
     */
    static Optional<Duplicate> first(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            Deque<Map<String, Integer>> objects = new ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    objects.push(new HashMap<>());
                } else if (token == JsonToken.END_OBJECT) {
                    objects.pop();
                } else if (token == JsonToken.FIELD_NAME) {
                    int at = (int) parser.currentTokenLocation().getCharOffset();
                    Integer first = objects.peek().putIfAbsent(parser.currentName(), at);
                    if (first != null) {
                        return Optional.of(new Duplicate(parser.currentName(), first, at));
                    }
                }
                if (parser.getParsingContext().inRoot()) {
                    break;
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string failed", e);
        }
    }
}

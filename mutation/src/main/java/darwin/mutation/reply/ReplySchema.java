package darwin.mutation.reply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema of the JSON form of a reply, for providers that can be asked for structured
 * output. It is the resource {@value #RESOURCE}: an object with {@code reasoning},
 * {@code summary}, {@code tags}, {@code edits} (each {@code {path, search, replace}} or
 * {@code {path, content}}) and {@code request} ({@code null} or
 * {@code {kind, title, rationale, payload}}, the kind one of {@link darwin.core.RequestKind}).
 *
 * <p>It is written in the subset that strict structured-output modes accept: every property
 * required, no additional properties, {@code anyOf} rather than {@code oneOf}, no {@code $schema}
 * or {@code $ref}; as a schema it reads the same under draft 2020-12.
 */
public final class ReplySchema {

    /** Where the schema lies on the class path. */
    public static final String RESOURCE = "/darwin/mutation/reply/reply-schema.json";

    /** A name for the schema, where a provider asks for one. */
    public static final String NAME = "darwin_reply";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TEXT = load();
    private static final JsonNode TREE = parse(TEXT);

    private ReplySchema() {
    }

    /** The schema as JSON text. */
    public static String text() {
        return TEXT;
    }

    /** The schema as a tree, a fresh copy the caller may change. */
    public static ObjectNode tree() {
        return (ObjectNode) TREE.deepCopy();
    }

    private static String load() {
        try (InputStream in = ReplySchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the reply schema " + RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reply schema " + RESOURCE, e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("the reply schema " + RESOURCE + " is not JSON", e);
        }
    }
}

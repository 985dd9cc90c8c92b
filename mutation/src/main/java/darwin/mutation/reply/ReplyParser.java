package darwin.mutation.reply;

import darwin.core.Change;
import darwin.mutation.reply.ParseResult.Parsed;
import darwin.mutation.reply.ParseResult.Refused;
import darwin.mutation.reply.ParseResult.Unparsable;
import java.util.Optional;

/**
 * Reads an LLM's reply to a mutation prompt into a {@link darwin.core.Change}.
 *
 * <p>The form is decided in this order: a reply that is a JSON object is read as the JSON form
 * ({@link ReplyForm#JSON}); one with SEARCH or FILE blocks as the text form; one with the text
 * form's section headings in capitals as the text form, or, when that yields nothing, as the JSON
 * object it holds; any other reply with an opening brace as a JSON object in a fence or amid prose
 * ({@link ReplyForm#EMBEDDED_JSON}). Line ends are read as {@code \n} whatever the reply used.
 *
 * <p>A reply is unparsable when it has neither an edit nor a request, when an edit has no path or a
 * path that is not relative, when a request's kind is not a {@link darwin.core.RequestKind}, or
 * when either form is malformed: a JSON object that gives a field twice, at any depth, included.
 * The message names the part and the place (line and column in the reply) and quotes it, for the
 * model to repair its reply. A reply in neither form that reads as a refusal ({@link Refusals})
 * is {@link Refused}, not unparsable: asking again would not repair it. Nothing here throws for a
 * bad reply. Stateless and thread-safe.
 */
public final class ReplyParser {

    private ReplyParser() {
    }

    /** The change a reply proposes, or why it cannot be read. */
    public static ParseResult parse(String reply) {
        if (reply == null || reply.isBlank()) {
            return new Unparsable("The reply is empty. Reply with reasoning, a summary, tags and at least one edit.",
                    ReplyForm.UNRECOGNISED);
        }
        String text = JsonChange.lineEnds(reply.startsWith("\uFEFF") ? reply.substring(1) : reply);
        String stripped = text.strip();
        if (stripped.startsWith("{")) {
            return read(ReplyForm.JSON, () -> JsonReply.readAt(text, text.indexOf('{')));
        }
        if (TextReply.hasBlocks(text)) {
            return read(ReplyForm.TEXT, () -> TextReply.read(text));
        }
        if (TextReply.hasSections(text)) {
            ParseResult asText = read(ReplyForm.TEXT, () -> TextReply.read(text));
            if (asText instanceof Unparsable && text.indexOf('{') >= 0
                    && read(ReplyForm.EMBEDDED_JSON, () -> JsonReply.readEmbedded(text)) instanceof Parsed parsed) {
                return parsed;
            }
            return asText;
        }
        if (text.indexOf('{') >= 0) {
            return read(ReplyForm.EMBEDDED_JSON, () -> JsonReply.readEmbedded(text));
        }
        Optional<String> refusal = Refusals.read(text);
        if (refusal.isPresent()) {
            return new Refused(refusal.get());
        }
        return new Unparsable("The reply has neither a JSON object nor the text form's edit blocks: "
                + Excerpts.quote(text) + ". Reply with one JSON object {\"reasoning\", \"summary\", \"tags\", \"edits\","
                + " \"request\"}, or with REASONING:, SUMMARY:, TAGS:, REQUEST: and SEARCH/REPLACE blocks.",
                ReplyForm.UNRECOGNISED);
    }

    private static ParseResult read(ReplyForm form, Reading reading) {
        try {
            return new Parsed(reading.read(), form);
        } catch (MalformedReply e) {
            return new Unparsable(e.why(), form);
        }
    }

    @FunctionalInterface
    private interface Reading {
        Change read() throws MalformedReply;
    }
}

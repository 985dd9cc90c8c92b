package darwin.mutation.reply;

import darwin.core.Change;
import java.util.Objects;

/** What {@link ReplyParser#parse(String)} made of a reply: a change, or why there is none. */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Unparsable {

    /** The form the reply was read in. */
    ReplyForm form();

    /**
     * The reply was read.
     *
     * @param change the proposed change: at least one edit or a request
     * @param form the form it was written in
     */
    record Parsed(Change change, ReplyForm form) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(form, "form");
            if (form == ReplyForm.UNRECOGNISED) {
                throw new IllegalArgumentException("a parsed reply has a recognised form");
            }
            if (change.edits().isEmpty() && change.request().isEmpty()) {
                throw new IllegalArgumentException("a parsed reply has an edit or a request");
            }
        }
    }

    /**
     * The reply could not be read.
     *
     * @param why what was missing or malformed and where, with a short excerpt, written to be sent
     *     back to the model that wrote the reply
     * @param form the form the parser took the reply to be in
     */
    record Unparsable(String why, ReplyForm form) implements ParseResult {
        public Unparsable {
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("an unparsable reply needs a reason");
            }
            Objects.requireNonNull(form, "form");
        }
    }
}

package darwin.mutation.reply;

import darwin.core.Change;
import java.util.Objects;

/**
 * What {@link ReplyParser#parse(String)} made of a reply: a change, why there is none, or a refusal
 * to propose one.
 */
public sealed interface ParseResult permits ParseResult.Parsed, ParseResult.Unparsable, ParseResult.Refused {

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

    /**
     * The model refused in plain text ("I'm sorry, but I can't help with that."), by the rule of
     * {@link Refusals}: a short reply with no change in it that opens with refusal phrasing. Not a
     * malformed reply, so not one to send back for repair.
     *
     * @param refusal what the model wrote, stripped
     */
    record Refused(String refusal) implements ParseResult {
        public Refused {
            if (refusal == null || refusal.isBlank()) {
                throw new IllegalArgumentException("a refusal has its text");
            }
        }

        /** A refusal is in neither form. */
        @Override
        public ReplyForm form() {
            return ReplyForm.UNRECOGNISED;
        }

        /** One line for a proposal's reason: that the model refused, and its words. */
        public String why() {
            return "the model refused: " + refusal.strip().replaceAll("\\s+", " ");
        }
    }
}

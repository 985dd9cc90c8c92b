package darwin.mutation.reply;

/** How a reply was written, as far as the parser could tell. */
public enum ReplyForm {
    /** One JSON object and nothing else, as the schema asks. */
    JSON,
    /** A JSON object inside a fence or with prose around it. */
    EMBEDDED_JSON,
    /** The text form: {@code REASONING:}, {@code SUMMARY:}, {@code TAGS:}, {@code REQUEST:} and edit blocks. */
    TEXT,
    /** Neither form: no JSON object and no section or edit block. */
    UNRECOGNISED
}

package darwin.mutation.reply;

/**
 * The part of a mutation prompt that tells the model how to reply: both forms that
 * {@link ReplyParser} reads, and the rules the edit applier holds edits to.
 */
public final class ReplyFormat {

    private static final String INSTRUCTIONS = """
            How to reply

            Reply in one of two forms.

            1. JSON: one object and nothing else.
            {
              "reasoning": "why this change should lower the held-out loss at the fixed budget or raise MFU",
              "summary": "one line",
              "tags": ["optimizer", "schedule"],
              "edits": [
                {"path": "program/darwin/program/GptConfig.java", "search": "exact current lines\\n", "replace": "new lines\\n"},
                {"path": "program/darwin/program/Rope.java", "content": "the whole new file\\n"}
              ],
              "request": null
            }

            2. Text: sections, then edit blocks.
            REASONING: why this change should lower the held-out loss at the fixed budget or raise MFU
            SUMMARY: one line
            TAGS: optimizer, schedule
            REQUEST: none
            program/darwin/program/GptConfig.java
            <<<<<<< SEARCH
            exact current lines
            =======
            new lines
            >>>>>>> REPLACE
            program/darwin/program/Rope.java
            <<<<<<< FILE
            the whole new file
            >>>>>>> FILE

            Rules
            - Every path starts with program/. Files under harness/ are read-only copies of the harness API and cannot \
            be edited; nor can anything else outside program/.
            - A search text must match the current file exactly, whitespace and indentation included, and occur in it \
            exactly once: copy whole lines from the file, a few around the change, enough to make them unique.
            - Quote every line in full. A search text or replacement that leaves lines out with "...", "…" or a comment \
            such as "// ... existing code ..." is refused.
            - Edits apply in order, each to the file as the edits before it left it. Several SEARCH blocks may follow \
            one path line; a block without a path line of its own edits the file of the block before it.
            - A new file, or a complete rewrite, is written whole: a FILE block, or "content" instead of "search" and \
            "replace". A SEARCH block with an empty search text also creates a new file; it is refused for a file that \
            exists.
            - Tags name the kinds of change: optimizer, schedule, architecture, initialisation, data, throughput, \
            regularisation, or another single word.
            - A request asks people for an upgrade, at most one per reply: {"kind": one of %s, "title": one line, \
            "rationale": why, with the evidence, "payload": what to apply}. Without one, write null (JSON) or none (text).
            - A reply needs at least one edit or a request.
            """.formatted(RequestReader.KINDS);

    private ReplyFormat() {
    }

    /** The instructions, as a section of a prompt. */
    public static String instructions() {
        return INSTRUCTIONS;
    }
}

/**
 * Reads an LLM's reply to a mutation prompt into a {@link darwin.core.Change}: the reasoning, a
 * one-line summary, tags, the edits and at most one upgrade request.
 *
 * <p>Two forms are accepted. Providers with structured output are asked for the JSON form, whose
 * schema is {@link darwin.mutation.reply.ReplySchema}; everything else is asked for the text form
 * (sections and aider-style SEARCH/REPLACE and FILE blocks), and models that ignore the schema
 * are read tolerantly: a JSON object in a fence or amid prose is found, path lines in backticks
 * or after {@code File:} are understood, and a block without a path line of its own edits the
 * file of the block before it. {@link darwin.mutation.reply.ReplyFormat} is the part of
 * the prompt that explains both forms. {@link darwin.mutation.reply.ReplyParser#parse(String)}
 * never throws for a bad reply: it answers {@link darwin.mutation.reply.ParseResult.Unparsable}
 * with a message written for the model that wrote the reply, naming what was missing or malformed
 * and where. JSON is read strictly: a name given twice in one object, at any depth, is malformed,
 * since a lenient reader would drop one of the two values without a word. A short reply with no
 * change in it that reads as a refusal is {@link darwin.mutation.reply.ParseResult.Refused}, which
 * no repair round can mend.
 *
 * <h2>Reading a reply</h2>
 *
 * <p>{@code mutation} reads a model's reply and applies it. {@code ReplyParser.parse} turns a reply
 * into a {@code Change} (reasoning, summary, tags, edits, at most one request) or an
 * {@code Unparsable} whose message names the part and the place (line and column, with a quotation)
 * for the model to repair. Two forms are read: the JSON form of {@code ReplySchema} (asked of
 * providers with structured output; also found in a fence or amid prose) and a text form of
 * {@code REASONING:}/{@code SUMMARY:}/{@code TAGS:}/{@code REQUEST:} sections with aider-style
 * {@code <<<<<<< SEARCH} … {@code =======} … {@code >>>>>>> REPLACE} and {@code <<<<<<< FILE}
 * blocks. {@code ReplyFormat.instructions()} explains both to the model.
 *
 * <p>In the text form a block's path is the nearest line above it that is neither blank nor a bare
 * fence (tidied of backticks, emphasis, {@code #} and a {@code File:} label; or the one backticked
 * path, or else the one word starting with {@code program/}, in a prose line; or a path after a
 * fence's backticks, <code>```java program/p/A.java</code>); a block with no such line since the
 * block before (prose, {@code ...}, nothing) takes the previous block's path, so several blocks may
 * follow one path line. A SEARCH block with an empty (or blank) search text is a replacement with
 * an empty search, which creates a file.
 *
 * <ul>
 *   <li><b>Strict JSON.</b> Wherever a reply's JSON is read — the whole reply, an object in a fence
 *       or amid prose, the text form's {@code REQUEST:} object — a name given twice in one object,
 *       at any depth, is malformed ({@code DuplicateKeys}): a lenient reader keeps the last
 *       {@code "edits"} and drops the first, and the attempt would be recorded with reasoning and a
 *       summary for edits never made. The message names the field and both places
 *       ({@code malformed at line 9, column 3: the field "edits" is given twice in one object (first at line 4, column 3)}),
 *       quotes the line, and goes back to the model in a repair round. Names that differ only in
 *       case ({@code Edits}, {@code edits}), which the reader folds into one, are refused the same
 *       way, naming the object.
 *   <li><b>Refusals.</b> A reply in neither form that reads as a refusal is
 *       {@code ParseResult.Refused}, not {@code Unparsable}, and {@code LlmMutator} ends the
 *       proposal as {@code LLM_FAILED} at once (reason {@code the model refused: …}), since a
 *       repair round cannot repair a refusal. The rule ({@code Refusals}) is narrow: no JSON
 *       object, section heading, edit block, brace or code fence; at most 500 characters; and it
 *       opens with an apology followed at once by an inability ({@code I'm sorry, but I can't…},
 *       {@code Sorry, I cannot…}, {@code Unfortunately, I'm unable to…}) or with
 *       {@code I can't help with that} ({@code assist}, {@code this}, {@code your request}),
 *       {@code I can't comply}, {@code I can't fulfil}, {@code I must decline}. A reply with a
 *       change in it is never a refusal, and any other reply without one ("I would raise the
 *       learning rate.") stays {@code UNPARSABLE} and is asked for again. Refusals in a provider's
 *       own field never reach the parser: they are {@code CONTENT_FILTERED} failures of the client
 *       (below).
 * </ul>
 */
package darwin.mutation.reply;

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
 */
package darwin.mutation.reply;

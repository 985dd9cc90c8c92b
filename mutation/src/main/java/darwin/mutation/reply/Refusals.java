package darwin.mutation.reply;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells a refusal written as plain text ("I'm sorry, but I can't help with that.") from a reply
 * that merely failed to follow the format.
 *
 * <p>The rule is narrow on purpose, since a refusal ends a proposal without the repair rounds that
 * might have got a change out of a confused model. A reply is a refusal when all of these hold:
 *
 * <ul>
 *   <li>it has no change in it: {@link ReplyParser} asks only about replies with no JSON object, no
 *       section heading and no edit block, and a reply here must also hold no brace and no code fence;
 *   <li>it is short: at most {@link #MAX_LENGTH} characters, a sentence or three;
 *   <li>it opens with refusal phrasing: an apology ({@code I'm sorry}, {@code Sorry},
 *       {@code I apologise}, {@code Unfortunately}) followed at once, after at most a comma, a dash or
 *       {@code but}, by {@code I can't}, {@code I cannot}, {@code I won't}, {@code I'm unable to},
 *       {@code I'm not able to} or {@code I must decline}; or, without an apology,
 *       {@code I can't help with that} (or {@code assist with}, {@code this}, {@code your}),
 *       {@code I can't comply}, {@code I can't fulfil}, {@code I must decline} or {@code I must refuse}.
 * </ul>
 *
 * Case does not matter, and typographic apostrophes count as plain ones. Anything else without a
 * change in it ("I would raise the learning rate.") stays unparsable and is asked for again.
 */
final class Refusals {

    /** The longest reply, in characters, that can be a refusal. */
    static final int MAX_LENGTH = 500;

    private static final String UNABLE = "(?:can't|cannot|can not|won't|will not|am unable to|'m unable to|am not able to"
            + "|'m not able to|must decline|have to decline)";
    private static final Pattern APOLOGY_THEN_UNABLE = Pattern.compile(
            "^(?:i'm sorry|i am sorry|i'm really sorry|sorry|i apologi[sz]e|apologies|unfortunately)"
                    + "[\\s,.!;:\\u2013\\u2014-]*(?:but\\s+)?(?:i|we)\\s*" + UNABLE + "\\b");
    private static final Pattern PLAIN_REFUSAL = Pattern.compile(
            "^(?:i|we)\\s*" + UNABLE + "\\s+(?:help|assist)\\s+(?:you\\s+)?with\\s+(?:that|this|your|the request)\\b"
                    + "|^(?:i|we)\\s*(?:can't|cannot|can not|won't|will not)\\s+(?:comply|fulfil|fulfill)\\b"
                    + "|^i\\s+must\\s+(?:decline|refuse)\\b");

    private Refusals() {
    }

    /** The refusal, stripped, when the reply reads as one; empty otherwise. */
    static Optional<String> read(String reply) {
        String text = reply.strip();
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.indexOf('{') >= 0 || text.contains("```")) {
            return Optional.empty();
        }
        String words = text.replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (APOLOGY_THEN_UNABLE.matcher(words).find() || PLAIN_REFUSAL.matcher(words).find()) {
            return Optional.of(text);
        }
        return Optional.empty();
    }
}

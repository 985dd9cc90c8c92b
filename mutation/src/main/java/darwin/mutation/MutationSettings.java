package darwin.mutation;

import java.time.Duration;
import java.util.Objects;

/**
 * How an agent asks its LLM.
 *
 * @param model the model's name at its provider
 * @param temperature sampling temperature
 * @param maxOutputTokens the most tokens a reply may have
 * @param deadline the longest one call may take, retries included
 * @param repairRounds how many times a failed reply (unparsable, edits that do not apply, a
 *     program that does not compile) is sent back with the problem
 * @param structuredOutput whether the provider is asked for JSON that follows the reply schema
 */
public record MutationSettings(String model, double temperature, int maxOutputTokens, Duration deadline, int repairRounds,
        boolean structuredOutput) {

    public MutationSettings {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a model name is needed");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw new IllegalArgumentException("the temperature must be between 0 and 2, got " + temperature);
        }
        if (maxOutputTokens < 256) {
            throw new IllegalArgumentException("replies need at least 256 output tokens, got " + maxOutputTokens);
        }
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("the deadline must be positive, got " + deadline);
        }
        if (repairRounds < 0 || repairRounds > 10) {
            throw new IllegalArgumentException("repair rounds must be 0 to 10, got " + repairRounds);
        }
    }

    /** Sensible defaults for a model: temperature 0.2 (as DARWIN), 4,096 output tokens, 5 minutes, 2 repairs. */
    public static MutationSettings of(String model) {
        return new MutationSettings(model, 0.2, 4096, Duration.ofMinutes(5), 2, true);
    }
}

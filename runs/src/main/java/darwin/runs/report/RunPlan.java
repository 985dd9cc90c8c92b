package darwin.runs.report;

import java.util.Objects;

/**
 * What the run's settings planned, as the report states it.
 *
 * @param generations generations in all
 * @param agents agents in the population
 * @param budget the budget per variant, in words ({@code 20.000 s})
 * @param mutator who proposes changes ({@code offline catalog}, {@code openai gpt-5-mini})
 */
public record RunPlan(int generations, int agents, String budget, String mutator) {

    public RunPlan {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(mutator, "mutator");
        if (generations < 0 || agents < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }
}

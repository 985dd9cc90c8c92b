package darwin.runs;

import darwin.memory.AgentMemories;
import darwin.memory.Suggestion;
import darwin.memory.SuggestionBox;
import java.nio.file.Path;
import java.time.Clock;

/**
 * People's notes to the agents, written the one way whether they come from {@code darwin suggest}
 * or from the live page: to an agent the run has, or to every agent, through the run's locked
 * {@link SuggestionBox}; they reach the agents' prompts from the next generation.
 */
public final class Suggestions {

    private Suggestions() {}

    /**
     * Writes a suggestion and returns it.
     *
     * @param dir the run's folder
     * @param by who writes it ({@code null}: the user's name)
     * @param agent the agent it is for, or {@code null} (or blank) for every agent
     * @param text the note
     * @throws IllegalArgumentException when there is no run, no such agent, or no text
     */
    public static Suggestion write(Path dir, String by, String agent, String text) {
        RunFiles files = RunFiles.open(dir);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a suggestion needs some text");
        }
        String to = agent == null || agent.isBlank() ? null : agent;
        if (to != null) {
            var agents = new AgentMemories(files.run(), files.json()).all().keySet();
            if (!agents.contains(to)) {
                throw new IllegalArgumentException("no agent '" + to + "' in " + dir + "; the agents are " + agents);
            }
        }
        return new SuggestionBox(files.run().suggestions(), files.json(), Clock.systemUTC())
                .add(RequestDecisions.who(by), to, text);
    }
}

/**
 * {@code darwin memory DIR …}: questions about a run's memory from the command line — its agents,
 * one agent, the attempts (filtered), one attempt's diff, statistics by tag and by agent, and an
 * export of every attempt. The answers come from {@link darwin.memory.query}; this package only
 * parses the command line and lays the answers out as text tables or JSON. What the model wrote
 * is shown through {@link darwin.core.text.TerminalText}, so that no summary or reasoning can act
 * on the terminal; the JSON keeps it exactly.
 *
 * <h2>The memory command</h2>
 *
 * <p>{@code darwin.runs.memory} is the command: {@code MemoryCommand} takes the run's folder and
 * opens it for its subcommands ({@code agents}, {@code show}, {@code attempts}, {@code diff},
 * {@code stats}, {@code export}, each a small picocli class), which lay answers out with
 * {@code TextTable} and {@code Figures} or print the query package's JSON. Every change is printed
 * with its spread or its {@code n}, a change within noise marked {@code ~}, and the tables have a
 * verdict column, so no one reads a within-noise change as a gain. {@code export --out} writes
 * through {@code AtomicFiles}. Errors are one line ({@code darwin: …}) and exit status 2.
 */
package darwin.runs.memory;

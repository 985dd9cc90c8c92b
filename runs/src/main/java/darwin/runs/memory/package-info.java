/**
 * {@code darwin memory DIR …}: questions about a run's memory from the command line — its agents,
 * one agent, the attempts (filtered), one attempt's diff, statistics by tag and by agent, and an
 * export of every attempt. The answers come from {@link darwin.memory.query}; this package only
 * parses the command line and lays the answers out as text tables or JSON. What the model wrote
 * is shown through {@link darwin.core.text.TerminalText}, so that no summary or reasoning can act
 * on the terminal; the JSON keeps it exactly.
 */
package darwin.runs.memory;

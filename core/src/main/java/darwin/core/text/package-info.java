/**
 * Text written by others, made fit to show: {@link darwin.core.text.TerminalText} turns what a
 * model or a file says into text that a terminal (or a web page) draws as it is, with every
 * character that would act instead of being drawn (escape sequences, bells, carriage returns,
 * bidirectional overrides) in a visible form. It is for showing only: the run's files keep what
 * was written.
 */
package darwin.core.text;

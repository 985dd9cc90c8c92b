/**
 * Text written by others, made fit to show: {@link darwin.core.text.TerminalText} turns what a
 * model or a file says into text that a terminal (or a web page) draws as it is, with every
 * character that would act instead of being drawn (escape sequences, bells, carriage returns,
 * bidirectional overrides) in a visible form. It is for showing only: the run's files keep what
 * was written.
 *
 * <h2>Showing what the model wrote</h2>
 *
 * <p>Summaries, tags, reasoning, reasons, request texts and diffs are the model's (or a variant
 * program's) words, stored as written; a reply can hold an escape sequence that clears the screen,
 * colours the rest of the output, sets the window's title or overwrites a line, or a bidi override
 * that makes a line read in another order. Everything darwin prints of such text goes through one
 * sanitiser, {@code darwin.core.text.TerminalText}, at the place it is printed (never when it is
 * stored: the run's files keep what was written). It replaces every character a terminal acts on
 * instead of drawing — C0 and C1 controls, DEL, format characters other than the zero-width
 * joiners, line and paragraph separators, a lone surrogate — with a visible form:
 * <code>&#92;e</code> for ESC, <code>&#92;xHH</code> for the other C0 controls and DEL,
 * <code>&#92;uHHHH</code> (or <code>&#92;u&#123;HHHHH&#125;</code>) for the rest. {@code lines}
 * keeps LF and CR LF for text that is multi-line by design (reasoning, diffs, a request's
 * rationale); {@code line} folds line breaks into a space for one-line output (table cells,
 * progress events, which {@code run.log} gets as shown); a tab becomes spaces to the next tab stop
 * of eight. {@code cut} shortens the shown text, so a table cell ({@code TextTable}, the examples
 * of {@code memory stats}) never ends in half an escape or half a surrogate pair; columns are code
 * points, as {@code TextTable} counts them. JSON outputs keep the exact text:
 * {@code TerminalText.json} rewrites the characters that Jackson leaves raw (DEL, C1, format
 * characters) as <code>&#92;u</code> escapes, the same JSON value. CSV export is for people and
 * shows the visible forms; {@code memory diff --patch} prints the diff exactly, since
 * {@code git apply} needs its bytes. The report's {@code Html.text} shows controls the same way
 * before it escapes markup, so a page and a terminal show one text alike. Error messages
 * ({@code darwin: …}) are shown too, since they may quote a run's files.
 */
package darwin.core.text;

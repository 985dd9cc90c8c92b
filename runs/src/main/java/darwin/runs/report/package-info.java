/**
 * The run report, {@code <run>/report/index.html}: a model of what a run did, computed from its
 * files alone (the checkpoint, the ledger, the agents' memories and the request queue), and the
 * writer that turns it into one self-contained HTML page.
 *
 * <p>The model is small records, each computed by a static factory from what the run wrote:
 * {@link darwin.runs.report.Measured} (a variant's figures: the mean over its evaluation and its
 * replicates at one budget), {@link darwin.runs.report.GenerationFigures} (best and median per
 * generation), {@link darwin.runs.report.ParetoPoint} (every measured variant, the front marked),
 * {@link darwin.runs.report.Lineage} (the steps from the seed to the best variant),
 * {@link darwin.runs.report.FailureCount} and {@link darwin.runs.report.CostPoint}, with the
 * run's requests ({@link darwin.memory.Request}), gathered in {@link darwin.runs.report.RunReport}
 * with the header, which carries the run's noise floor and confirmed gain when it has measured them.
 *
 * <p>The page ({@link darwin.runs.report.ReportPage}) needs no network: the chart library
 * (Chart.js, from its webjar) and the data are inlined. Every piece of run text is escaped, the
 * data goes in as JSON that cannot end its script element, and a content security policy lets
 * only the page's own two scripts run, by hash. The live page ({@code darwin.runs.serve}) draws the
 * same figures ({@code ReportData.figures}) with the same library ({@code ChartLibrary}).
 *
 * <h2>The report in detail</h2>
 *
 * <p>{@code darwin report DIR} ({@code ReportCommand}) reads a run and writes
 * {@code DIR/report/index.html}. {@code darwin.runs.report} keeps the model apart from the page:
 *
 * <ul>
 *   <li><b>Reading.</b> {@code RunRecords} reads the checkpoint, the ledger, every agent's attempts
 *       (once each, though the mutator and the owner both keep them) and {@code requests.json}
 *       (absent: no requests; read with Jackson ignoring fields it does not know, as the queue's
 *       format may grow). It changes nothing: the ledger is read with {@code Ledger.read}, which
 *       skips a torn last line without truncating the file, since the run may be appending to it at
 *       that moment; the figures read its typed events ({@code RunRecords.events(Selected.class)}).
 *   <li><b>Figures.</b> Small records, each from its own static factory: {@code GenerationFigures}
 *       (best and median perplexity and MFU over the distinct variants of the population that each
 *       SELECTION event names, with the seed as generation 0 and metrics from the EVALUATION
 *       events), {@code ParetoPoint} (every measured variant; the front is what no other variant
 *       dominates), {@code Lineage} (the attempts from the seed to the best variant, following
 *       {@code Attempt.child} back to {@code parent}), {@code FailureCount} (PROPOSAL statuses
 *       other than PROPOSED, EVALUATION statuses other than OK), {@code CostPoint} (cumulative
 *       PROPOSAL cost over the ledger's timestamps) and {@code Request}, gathered in
 *       {@code RunReport}. A variant's figures ({@code Measured}) are the means over its OK
 *       EVALUATION and REPLICATE events at one budget, each seed once (the same seed again is the
 *       same measurement), with their count; so the generations, the front and the best variant
 *       rest on every replicate, not the luckiest draw. The header carries {@code run.json}'s
 *       {@code NoiseFloor} and {@code ConfirmedGain} when present: the page shows the seed's
 *       relative spread and the confirmed change with its 95% interval and significance, and,
 *       without a confirmation of the best variant, calls its figure unconfirmed. A lineage step
 *       shows each change with its interval and verdict ({@code Change}), coloured only when beyond
 *       the noise.
 *   <li><b>Page.</b> {@code ReportPage} fills the placeholders of the template {@code report.html}
 *       in one pass (run text that looks like a placeholder stays text) with fragments that escape
 *       every piece of run text ({@code Html}, which first shows control characters as
 *       {@code TerminalText} does), the chart data as JSON in which {@code <}, {@code >}, {@code &}
 *       and U+2028/9 are <code>&#92;u</code> escapes ({@code ReportData}: it can never end its
 *       script element), Chart.js and the page's script {@code report.js}. The content security
 *       policy allows no network and only those two scripts, by their SHA-256; a reasoning or diff
 *       with {@code </script><script>…} stays text, and could not run even if escaping failed.
 *       Animations are off, so a screenshot shows the final charts.
 * </ul>
 *
 * <p><b>Why Chart.js 4.5.1, from its webjar.</b> The charts are lines, a scatter and bars; Chart.js
 * draws all three with one 200 KB UMD bundle that has no dependencies (its colour library is
 * bundled), is MIT-licensed, widely used and maintained, and works from a {@code file://} page with
 * animations turned off by one default. The alternatives were heavier to inline into every report
 * (Plotly.js several megabytes, ECharts about one, Vega-Lite three libraries), or a toolkit to draw
 * charts by hand with (D3). The webjar {@code org.webjars.npm:chart.js} brings the npm release
 * through Maven Central, so the build needs no npm, the version sits in the parent POM beside the
 * others and the enforcer sees it; 4.5.1 is the newest release published as a webjar when this was
 * written. {@code ChartLibrary} reads
 * {@code META-INF/resources/webjars/chart.js/<version>/dist/chart.umd.min.js}, the version taken
 * from the webjar's own {@code pom.properties}, and drops its source-map comment. The webjar's
 * dependency on {@code kurkle__color} is excluded: the UMD bundle already contains it, and the
 * webjar asks for it by version range, which would make the build's resolution depend on the day.
 */
package darwin.runs.report;

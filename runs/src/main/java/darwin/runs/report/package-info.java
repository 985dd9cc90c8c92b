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
 * only the page's own two scripts run, by hash.
 */
package darwin.runs.report;

package darwin.runs.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;

/** The page's header and its tables of figures: the Pareto front, the failures, the cost. */
final class SummaryHtml {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SummaryHtml() {}

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String header(RunReport.Header h) {
        StringBuilder out = new StringBuilder();
        out.append("<h1>darwin run <code>").append(Html.text(h.run())).append("</code></h1>\n");
        out.append("<p class=\"sub\">").append(Html.text(h.directory())).append(" · started ").append(time(h.started()))
                .append(" · report made ").append(time(h.generated())).append("</p>\n<div class=\"facts\">\n");
        fact(out, "generations", h.generation() + " of " + h.plan().generations(), h.finished() ? "finished" : "not finished");
        fact(out, "budget per variant", h.plan().budget(), h.plan().agents() + " agents");
        fact(out, "mutator", h.plan().mutator(), "");
        fact(out, "proposals", String.valueOf(h.proposals()), h.evaluations() + " evaluations");
        fact(out, "LLM cost", Html.dollars(h.cost()), "");
        h.seed().ifPresentOrElse(s -> fact(out, "seed perplexity", Html.perplexity(s.perplexity()), "MFU " + Html.mfu(s.mfu())),
                () -> fact(out, "seed perplexity", "–", "not measured"));
        h.best().ifPresentOrElse(b -> fact(out, "best perplexity", Html.perplexity(b.perplexity())
                + h.seed().map(s -> " (" + Html.change(b.perplexityChange(s)) + ")").orElse(""), "MFU " + Html.mfu(b.mfu())),
                () -> fact(out, "best perplexity", "–", "none measured"));
        out.append("</div>\n");
        h.best().ifPresent(b -> {
            out.append("<p class=\"verdict\">Best variant <code>").append(Html.text(b.variant())).append("</code>");
            h.seed().ifPresent(s -> out.append(b.variant().equals(s.variant()) ? ": the seed itself" : String.format(Locale.ROOT,
                    ": perplexity %s (%s against the seed's %s), MFU %s (seed %s)", Html.perplexity(b.perplexity()),
                    Html.change(b.perplexityChange(s)), Html.perplexity(s.perplexity()), Html.mfu(b.mfu()), Html.mfu(s.mfu()))));
            out.append("</p>\n");
        });
        return out.toString();
    }

    private static void fact(StringBuilder out, String label, String value, String note) {
        out.append("<div class=\"fact\"><span class=\"label\">").append(Html.text(label)).append("</span><span class=\"value\">")
                .append(Html.text(value)).append("</span><span class=\"note\">").append(Html.text(note)).append("</span></div>\n");
    }

    /** The variants on the front, lowest perplexity first. */
    static String frontTable(RunReport report) {
        if (report.pareto().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<table><thead><tr><th>variant</th><th class=\"num\">perplexity</th>"
                + "<th class=\"num\">MFU</th></tr></thead><tbody>\n");
        report.pareto().stream().filter(ParetoPoint::front).map(ParetoPoint::measured)
                .sorted(Comparator.comparingDouble(Measured::perplexity))
                .forEach(m -> out.append("<tr><td><code>").append(Html.text(m.variant())).append("</code></td><td class=\"num\">")
                        .append(Html.perplexity(m.perplexity())).append("</td><td class=\"num\">").append(Html.mfu(m.mfu()))
                        .append("</td></tr>\n"));
        return out.append("</tbody></table>\n").toString();
    }

    static String failureTable(RunReport report) {
        if (report.header().proposals() == 0 && report.header().evaluations() == 0) {
            return "<p class=\"muted\">Nothing has been proposed or evaluated yet.</p>\n";
        }
        if (report.failures().isEmpty()) {
            return "<p class=\"muted\">No failures: every proposal gave a variant and every evaluation measured it.</p>\n";
        }
        StringBuilder out = new StringBuilder("<table><thead><tr><th>kind</th><th>stage</th><th class=\"num\">count</th>"
                + "<th>first reason</th></tr></thead><tbody>\n");
        for (FailureCount f : report.failures()) {
            out.append("<tr><td><code>").append(Html.text(f.kind())).append("</code></td><td>")
                    .append(f.stage().name().toLowerCase(Locale.ROOT)).append("</td><td class=\"num\">").append(f.count())
                    .append("</td><td class=\"reason\">").append(Html.text(f.example())).append("</td></tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    static String costSummary(RunReport report) {
        RunReport.Header h = report.header();
        return String.format(Locale.ROOT, "<p>%s over %d proposals%s.</p>%n", Html.dollars(h.cost()), h.proposals(),
                h.cost() == 0 ? " (nothing paid: the offline catalog, a local model, or replies from the cache)" : "");
    }
}

package darwin.runs.report;

import darwin.core.stats.Interval;
import darwin.core.stats.Noise;
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
        h.seed().ifPresentOrElse(s -> fact(out, "seed perplexity", Html.perplexity(s.perplexity()), "MFU " + Html.mfu(s.mfu())
                + draws(s)), () -> fact(out, "seed perplexity", "–", "not measured"));
        h.best().ifPresentOrElse(b -> fact(out, "best perplexity", Html.perplexity(b.perplexity())
                + h.seed().map(s -> " (" + Html.change(b.perplexityChange(s)) + ")").orElse(""), "MFU " + Html.mfu(b.mfu())
                + draws(b) + (confirms(h, b) ? " · confirmed" : " · unconfirmed")),
                () -> fact(out, "best perplexity", "–", "none measured"));
        h.noiseFloor().ifPresentOrElse(f -> fact(out, "noise floor", spread(f.loss()), "perplexity, relative sd · MFU "
                + spread(f.logMfu()) + " · seed ×" + f.replicates()), () -> fact(out, "noise floor", "–", "not measured yet"));
        h.confirmed().ifPresentOrElse(g -> fact(out, "confirmed gain", Html.change(g.perplexity().estimate()),
                bounds(g.perplexity()) + " · " + (g.significant() ? "significant" : "not significant") + " · ×" + g.repeat()
                + " each"), () -> fact(out, "confirmed gain", "–", "not measured yet: the best figure is unconfirmed"));
        out.append("</div>\n");
        h.confirmed().ifPresent(g -> out.append("<p class=\"verdict\">Confirmed: <code>").append(Html.text(g.variant()))
                .append("</code> against the seed <code>").append(Html.text(g.seed())).append("</code>, ").append(g.repeat())
                .append(" evaluations each, interleaved, at ").append(Html.text(g.budget())).append(": perplexity ")
                .append(Html.text(interval(g.perplexity()))).append(g.significant() ? ", significant at 95%" : ", not significant at 95%"
                        + " (the interval holds no change)").append("; MFU ").append(Html.text(interval(g.mfu()))).append(".</p>\n"));
        h.best().ifPresent(b -> {
            out.append("<p class=\"verdict\">Best variant <code>").append(Html.text(b.variant())).append("</code>");
            h.seed().ifPresent(s -> out.append(b.variant().equals(s.variant()) ? ": the seed itself" : String.format(Locale.ROOT,
                    ": perplexity %s (%s against the seed's %s), MFU %s (seed %s)", Html.perplexity(b.perplexity()),
                    Html.change(b.perplexityChange(s)), Html.perplexity(s.perplexity()), Html.mfu(b.mfu()), Html.mfu(s.mfu()))));
            if (!confirms(h, b)) {
                out.append(h.confirmed().isPresent() ? "; unconfirmed: the confirmation above measured another variant"
                        : "; unconfirmed: the lowest figure of the run, which a lucky draw can make, not yet measured again"
                                + " against the seed");
            }
            out.append(".</p>\n");
        });
        return out.toString();
    }

    /** Whether the confirmed gain is of this variant. */
    private static boolean confirms(RunReport.Header h, Measured best) {
        return h.confirmed().map(g -> g.variant().equals(best.variant())).orElse(false);
    }

    /** {@code " · mean of 3"}, or nothing for a single measurement. */
    private static String draws(Measured m) {
        return m.replicates() == 1 ? " · one draw" : " · mean of " + m.replicates();
    }

    /** A relative spread (a standard deviation of a log) as a percentage: {@code ±1.2%}; {@code unknown} with no residual. */
    static String spread(Noise noise) {
        return noise.known() ? String.format(Locale.ROOT, "±%.1f%%", 100 * noise.sd()) : "unknown";
    }

    /** A relative change with its 95% interval, {@code -12.0% [-15.0%, -9.0%]}, or with {@code (spread unknown)}. */
    static String interval(Interval change) {
        return change.bounded() ? change.percent() : Html.change(change.estimate()) + " (spread unknown)";
    }

    /** The bounds of a relative change's 95% interval: {@code 95% [-15.0%, -9.0%]}. */
    static String bounds(Interval change) {
        if (!change.bounded()) {
            return "spread unknown";
        }
        return String.format(Locale.ROOT, "95%% [%+.1f%%, %+.1f%%]", 100 * change.low(), 100 * change.high());
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

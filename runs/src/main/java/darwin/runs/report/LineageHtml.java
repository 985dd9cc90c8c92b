package darwin.runs.report;

import darwin.core.Metrics;
import darwin.core.stats.Interval;
import darwin.memory.Attempt;
import darwin.memory.query.Change;
import java.util.Locale;

/**
 * The lineage of the best variant: the seed, then each step with its reasoning and diff. A step's
 * changes carry their 95% intervals and its verdict; only a change beyond the noise is coloured.
 */
final class LineageHtml {

    private LineageHtml() {}

    static String of(RunReport report) {
        if (report.header().best().isEmpty()) {
            return "<p class=\"muted\">No variant was measured yet.</p>\n";
        }
        StringBuilder out = new StringBuilder("<ol class=\"lineage\">\n<li class=\"step seed\"><div class=\"step-head\">seed <code>");
        String seed = report.lineage().isEmpty() ? report.header().best().get().variant() : report.lineage().getFirst().parent();
        out.append(Html.text(seed)).append("</code>");
        report.header().seed().ifPresent(s -> out.append(" · perplexity ").append(Html.perplexity(s.perplexity()))
                .append(" · MFU ").append(Html.mfu(s.mfu())));
        out.append("</div></li>\n");
        for (LineageStep step : report.lineage()) {
            switch (step) {
                case LineageStep.Change change -> step(out, change.attempt());
                case LineageStep.Upgrade upgrade -> upgrade(out, upgrade);
            }
        }
        if (report.lineage().isEmpty()) {
            out.append("<li class=\"step\"><p class=\"muted\">No change has beaten the seed yet.</p></li>\n");
        }
        return out.append("</ol>\n").toString();
    }

    private static void upgrade(StringBuilder out, LineageStep.Upgrade step) {
        out.append("<li class=\"step\"><div class=\"step-head\"><b>people</b> upgraded <code>").append(Html.text(step.parent()))
                .append("</code> → <code>").append(Html.text(step.child())).append("</code></div>\n<h3>")
                .append("An approved upgrade request, applied to every member (see Requests)</h3>\n");
        diff(out, step.diff());
        out.append("</li>\n");
    }

    private static void diff(StringBuilder out, String diff) {
        if (!diff.isEmpty()) {
            long lines = diff.lines().count();
            out.append("<details open><summary>diff, ").append(lines).append(" lines</summary><pre class=\"diff\"><code>")
                    .append(Html.diff(diff)).append("</code></pre></details>\n");
        }
    }

    private static void step(StringBuilder out, Attempt step) {
        out.append("<li class=\"step\"><div class=\"step-head\">generation ").append(step.generation()).append(" · <b>")
                .append(Html.text(step.mutator())).append("</b> changed <code>").append(Html.text(step.parent())).append("</code>");
        if (!step.owner().isEmpty()) {
            out.append(" (owned by ").append(Html.text(step.owner())).append(")");
        }
        out.append(" → <code>").append(Html.text(step.child())).append("</code> · ").append(Html.text(step.proposal()))
                .append("</div>\n<h3>").append(Html.text(step.summary().isEmpty() ? "(no summary)" : step.summary())).append("</h3>\n");
        out.append("<div class=\"metrics\">").append(metrics(step)).append("</div>\n");
        if (!step.tags().isEmpty()) {
            out.append("<div class=\"tags\">");
            step.tags().forEach(t -> out.append("<span class=\"tag\">").append(Html.text(t)).append("</span>"));
            out.append("</div>\n");
        }
        if (!step.reasoning().isEmpty()) {
            out.append("<p class=\"reasoning\">").append(Html.text(step.reasoning())).append("</p>\n");
        }
        diff(out, step.diff());
        out.append("</li>\n");
    }

    private static String metrics(Attempt step) {
        Metrics before = step.before();
        Metrics after = step.after();
        if (after == null) {
            return Html.text(step.status() + ": " + step.reason());
        }
        Change change = Change.of(step).orElse(null);
        if (before == null || change == null) {
            return "perplexity " + Html.perplexity(after.perplexity()) + " · MFU " + Html.mfu(after.mfu());
        }
        String perplexity = "perplexity " + Html.perplexity(before.perplexity()) + " → " + Html.perplexity(after.perplexity());
        String mfu = " · MFU " + Html.mfu(before.mfu()) + " → " + Html.mfu(after.mfu());
        if (!change.judged()) {
            return perplexity + " <span class=\"" + tone(-100 * step.perplexityChange()) + "\">(" + Html.change(step.perplexityChange())
                    + ", one draw each side, unjudged)</span>" + mfu
                    + String.format(Locale.ROOT, " <span class=\"%s\">(%+.1f pp)</span>", tone(step.mfuChange()), step.mfuChange());
        }
        String ppl = perplexity + " <span class=\"" + verdictTone(change) + "\">(" + Html.text(SummaryHtml.interval(change.perplexity()))
                + ", " + Html.text(change.verdictWords()) + ")</span>";
        String mfuChange = change.mfu() == null ? "" : " <span class=\"" + tone(change.mfu()) + "\">("
                + Html.text(SummaryHtml.interval(change.mfu())) + ")</span>";
        return ppl + mfu + mfuChange + " · " + change.before() + " replicates before, " + change.after() + " after";
    }

    /** The colour of a perplexity change by its verdict: only a change beyond the noise is coloured. */
    private static String verdictTone(Change change) {
        return switch (change.verdict()) {
            case BETTER -> "better";
            case WORSE -> "worse";
            case WITHIN_NOISE -> "same";
        };
    }

    /** The colour of an MFU change with an interval: coloured only when the interval holds no change. */
    private static String tone(Interval mfu) {
        return mfu.low() > 0 ? "better" : mfu.high() < 0 ? "worse" : "same";
    }

    /** The colour of a change, positive when for the better, in the units shown with one decimal. */
    private static String tone(double gain) {
        return gain >= 0.05 ? "better" : gain <= -0.05 ? "worse" : "same";
    }
}

package darwin.runs.report;

import darwin.memory.Request;
import darwin.memory.RequestStatus;
import darwin.trainer.resources.VariantResources;
import java.util.List;

/** The requests: those waiting for people, prominently, with the commands to decide; the rest in a table. */
final class RequestsHtml {

    private RequestsHtml() {}

    /** The box at the top of the page, empty when nothing waits. */
    static String pending(RunReport report) {
        List<Request> pending = report.pending();
        if (pending.isEmpty()) {
            return "";
        }
        String dir = Html.text(shellWord(report.header().directory()));
        StringBuilder out = new StringBuilder("<section class=\"pending\" id=\"pending\">\n<h2>")
                .append(pending.size() == 1 ? "1 request waits" : pending.size() + " requests wait")
                .append(" for your decision</h2>\n");
        for (Request r : pending) {
            out.append("<div class=\"request\"><div><span class=\"kind\">").append(Html.text(r.kind().name())).append("</span> <b>")
                    .append(Html.text(r.title())).append("</b></div>\n<div class=\"muted\">").append(Html.text(r.id()))
                    .append(" · ").append(Html.text(r.agent())).append(" · generation ").append(r.generation())
                    .append(" · proposal ").append(Html.text(r.proposal())).append(" · ").append(Html.text(r.created().toString()))
                    .append("</div>\n");
            if (!r.rationale().isEmpty()) {
                out.append("<p class=\"reasoning\">").append(Html.text(r.rationale())).append("</p>\n");
            }
            if (!r.payload().isEmpty()) {
                out.append("<pre class=\"payload\">").append(Html.text(r.payload())).append("</pre>\n");
            }
            String id = Html.text(shellWord(r.id()));
            out.append("<pre class=\"command\">./darwin requests ").append(dir).append(" approve ").append(id)
                    .append("\n./darwin requests ").append(dir).append(" deny ").append(id).append("</pre></div>\n");
        }
        return out.append("</section>\n").toString();
    }

    /** What the request did, or, before it was applied, what was approved. */
    static String effect(Request r) {
        if (r.applied() != null) {
            return (r.status() == RequestStatus.FAILED ? "failed: " : "from generation " + r.applied().generation()
                    + ": ") + r.applied().note();
        }
        String value = r.decision() == null ? "" : r.decision().value();
        if (value.startsWith("{")) {
            try {
                return VariantResources.parse(value).describe();
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }

    /** A word as a shell reads it back: as it is when plain, else single-quoted. */
    static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:=+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** The section on requests: the decided ones in a table, or why there is none. */
    static String decided(RunReport report) {
        List<Request> decided = report.requests().stream().filter(r -> !r.pending()).toList();
        StringBuilder out = new StringBuilder();
        if (report.requests().isEmpty()) {
            out.append("<p class=\"muted\">No requests")
                    .append(report.ledgerRequests() > 0 ? " in requests.json; the ledger records " + report.ledgerRequests()
                            + " made by agents." : ".").append("</p>\n");
            return out.toString();
        }
        out.append("<p>").append(report.pending().size()).append(" pending").append(report.pending().isEmpty() ? "" :
                " (<a href=\"#pending\">above</a>)").append(", ").append(decided.size()).append(" decided.</p>\n");
        if (decided.isEmpty()) {
            return out.toString();
        }
        out.append("<table><thead><tr><th>id</th><th>kind</th><th>title</th><th>agent</th><th>status</th>"
                + "<th>decided by</th><th>at</th><th>note</th><th>effect</th></tr></thead><tbody>\n");
        for (Request r : decided) {
            Request.Decision d = r.decision();
            out.append("<tr><td>").append(Html.text(r.id())).append("</td><td>").append(Html.text(r.kind().name()))
                    .append("</td><td>").append(Html.text(r.title())).append("</td><td>").append(Html.text(r.agent()))
                    .append("</td><td><span class=\"status ").append(Html.text(r.status().name().toLowerCase(java.util.Locale.ROOT)))
                    .append("\">").append(Html.text(r.status().name())).append("</span></td>");
            for (String cell : d == null ? new String[] {"", "", "", ""}
                    : new String[] {d.by(), d.at().toString(), d.note(), effect(r)}) {
                out.append("<td>").append(Html.text(cell)).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }
}

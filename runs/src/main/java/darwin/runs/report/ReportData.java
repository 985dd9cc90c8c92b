package darwin.runs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.text.TerminalText;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The figures the page's charts draw, as JSON that may stand inside a {@code <script>} element:
 * {@code <}, {@code >}, {@code &} and the two JavaScript line separators are written as
 * {@code \}{@code uXXXX} escapes, which JSON allows in strings (the only place they can occur),
 * so no variant id or agent name can end the element; a label read from the run's files is shown
 * as {@link TerminalText#line} shows it. Missing figures are {@code null}, which the
 * charts leave as gaps. MFU is in percent; the cost curve starts at nothing when the run starts.
 */
public final class ReportData {

    private ReportData() {}

    static String json(RunReport report, ObjectMapper json) {
        try {
            return safe(json.writeValueAsString(figures(report, json)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report's figures cannot be written as JSON", e);
        }
    }

    /**
     * The figures as a tree (generations, pareto, failures, cost), for a page that sends them as
     * data of its own (the live page) rather than inside a script element.
     */
    public static ObjectNode figures(RunReport report, ObjectMapper json) {
        ObjectNode root = json.createObjectNode();
        ObjectNode generations = root.putObject("generations");
        ArrayNode labels = generations.putArray("labels");
        ArrayNode bestPerplexity = generations.putArray("bestPerplexity");
        ArrayNode medianPerplexity = generations.putArray("medianPerplexity");
        ArrayNode bestMfu = generations.putArray("bestMfu");
        ArrayNode medianMfu = generations.putArray("medianMfu");
        for (GenerationFigures g : report.generations()) {
            labels.add(g.generation() == 0 ? "seed" : String.valueOf(g.generation()));
            add(bestPerplexity, g.bestPerplexity());
            add(medianPerplexity, g.medianPerplexity());
            add(bestMfu, 100 * g.bestMfu());
            add(medianMfu, 100 * g.medianMfu());
        }
        ObjectNode pareto = root.putObject("pareto");
        String seed = report.header().seed().map(Measured::variant).orElse("");
        String best = report.header().best().map(Measured::variant).orElse("");
        points(pareto.putArray("all"), report.pareto(), p -> !p.front());
        points(pareto.putArray("front"), report.pareto().stream()
                .sorted(Comparator.comparingDouble(p -> p.measured().mfu())).toList(), ParetoPoint::front);
        points(pareto.putArray("seed"), report.pareto(), p -> p.measured().variant().equals(seed));
        points(pareto.putArray("best"), report.pareto(), p -> p.measured().variant().equals(best));
        ObjectNode failures = root.putObject("failures");
        ArrayNode kinds = failures.putArray("labels");
        ArrayNode counts = failures.putArray("counts");
        for (FailureCount f : report.failures()) {
            kinds.add(TerminalText.line(f.kind()) + " (" + f.stage().name().toLowerCase(Locale.ROOT) + ")");
            counts.add(f.count());
        }
        ArrayNode cost = root.putArray("cost");
        if (!report.costs().isEmpty()) {
            cost.addObject().put("x", 0.0).put("y", 0.0).put("generation", 0);
        }
        for (CostPoint c : report.costs()) {
            cost.addObject().put("x", c.minutes()).put("y", c.cumulative()).put("generation", c.generation());
        }
        return root;
    }

    /** JSON text with the characters that could end a script element, or a JavaScript line, escaped. */
    static String safe(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void points(ArrayNode into, List<ParetoPoint> points, Predicate<ParetoPoint> which) {
        points.stream().filter(which).forEach(p -> into.addObject().put("x", 100 * p.measured().mfu())
                .put("y", p.measured().perplexity()).put("id", TerminalText.line(p.measured().variant())));
    }

    private static void add(ArrayNode array, double value) {
        if (Double.isFinite(value)) {
            array.add(value);
        } else {
            array.addNull();
        }
    }
}

package darwin.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import darwin.core.EvaluationResult;
import darwin.core.Metrics;
import darwin.core.text.TerminalText;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The one JSON object that {@code --json} prints for a result; a reason or a log tail written by the
 * variant's program keeps its text, with what would act on a terminal as JSON escapes
 * ({@link TerminalText#json}).
 */
final class ResultJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultJson() {}

    static String of(EvaluationResult result, Path curveLog) {
        return of(result, curveLog, null, false, 0);
    }

    /**
     * @param variant the variant's id, or {@code null} for the seed trained in process
     * @param cached whether the result came from the cache
     * @param lookupSeconds how long looking the result up in the cache took
     */
    static String of(EvaluationResult result, Path curveLog, String variant, boolean cached, double lookupSeconds) {
        ObjectNode node = JSON.createObjectNode();
        if (variant != null) {
            node.put("variant", variant);
            node.put("cached", cached);
            node.put("cacheLookupSeconds", lookupSeconds);
        }
        node.put("status", result.status().name());
        node.put("reason", result.reason());
        result.measured().ifPresent(m -> put(node, m));
        if (curveLog != null) {
            node.put("curveLog", curveLog.toString());
        }
        if (!result.status().measured()) {
            node.put("logTail", result.logTail());
        }
        try {
            return TerminalText.json(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object {@code --repeat} prints: every run, and the mean and spread of the measured ones. */
    static String repeated(String variant, List<String> runs, List<EvaluationResult> results) {
        ObjectNode node = JSON.createObjectNode();
        node.put("variant", variant);
        var array = node.putArray("runs");
        try {
            for (String run : runs) {
                array.add(JSON.readTree(run));
            }
            Spread spread = Spread.of(results);
            ObjectNode summary = node.putObject("summary");
            summary.put("measured", spread.count());
            summary.put("valLossMean", spread.valLoss().mean());
            summary.put("valLossStd", spread.valLoss().std());
            summary.put("perplexityMean", spread.perplexity().mean());
            summary.put("perplexityStd", spread.perplexity().std());
            summary.put("mfuMean", spread.mfu().mean());
            summary.put("mfuStd", spread.mfu().std());
            return TerminalText.json(JSON.writeValueAsString(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ObjectNode node, Metrics m) {
        node.put("valLoss", m.valLoss());
        node.put("perplexity", m.perplexity());
        node.put("mfu", m.mfu());
        node.put("tokensPerSecond", m.tokensPerSecond());
        node.put("tokensTrained", m.tokensTrained());
        node.put("steps", m.steps());
        node.put("parameters", m.parameters());
        node.put("flopsPerToken", m.flopsPerToken());
        node.put("peakFlops", m.peakFlops());
        node.put("wallSeconds", m.wallSeconds());
        node.put("trainSeconds", m.trainSeconds());
        node.put("device", m.device());
    }
}

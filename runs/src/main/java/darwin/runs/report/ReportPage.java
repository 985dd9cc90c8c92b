package darwin.runs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report as one self-contained HTML page: the template {@code report.html} with its
 * {@code {{name}}} placeholders filled in one pass (so that run text that looks like a
 * placeholder stays text), the chart data as JSON, Chart.js and the page's script inline.
 *
 * <p>Safety: the HTML fragments escape every piece of run text ({@link Html}); the data cannot
 * end its script element ({@link ReportData}); and the page's content security policy allows no
 * network and runs only the two scripts it carries, by their SHA-256, so that even markup that
 * slipped through could not execute.
 */
public final class ReportPage {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z-]+)}}");

    private ReportPage() {}

    /** The page of a report. */
    public static String html(RunReport report) {
        ChartLibrary chart = ChartLibrary.load();
        String script = resource("report.js");
        Map<String, String> values = new HashMap<>();
        values.put("run", Html.text(report.header().run()));
        values.put("header", SummaryHtml.header(report.header()));
        values.put("pending", RequestsHtml.pending(report));
        values.put("front", SummaryHtml.frontTable(report));
        values.put("lineage", LineageHtml.of(report));
        values.put("failures", SummaryHtml.failureTable(report));
        values.put("cost", SummaryHtml.costSummary(report));
        values.put("requests", RequestsHtml.decided(report));
        values.put("data", ReportData.json(report, new ObjectMapper()));
        values.put("chartjs", chart.source());
        values.put("chartjs-version", Html.text(chart.version()));
        values.put("script", script);
        values.put("script-hashes", hash(chart.source()) + " " + hash(script));
        Matcher matcher = PLACEHOLDER.matcher(resource("report.html"));
        return matcher.replaceAll(m -> {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("report.html has an unknown placeholder " + m.group());
            }
            return Matcher.quoteReplacement(value);
        });
    }

    /** Writes the page to {@code index.html} in {@code folder}, atomically, and returns its path. */
    public static Path write(RunReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path page = folder.resolve("index.html");
        AtomicFiles.write(page, html(report).getBytes(StandardCharsets.UTF_8));
        return page;
    }

    /** A content-security-policy source that allows exactly this inline script. */
    static String hash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ReportPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the darwin jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}

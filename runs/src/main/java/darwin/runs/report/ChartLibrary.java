package darwin.runs.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * Chart.js, as its webjar ({@code org.webjars.npm:chart.js}) ships it: the minified UMD bundle,
 * which defines the global {@code Chart} and needs nothing else, read from the class path so that
 * the page can carry it inline. The version is the webjar's own, from its Maven properties, so
 * that upgrading the dependency needs no change here. The live page ({@code darwin.runs.serve})
 * serves the same bundle as a file of its own.
 *
 * @param version the library's version
 * @param source the bundle, without its source-map comment (the map is not shipped with the page)
 */
public record ChartLibrary(String version, String source) {

    private static final String PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    public ChartLibrary {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalStateException("Chart.js " + version + " cannot be inlined: its source would end the script element");
        }
    }

    /** The bundle on the class path. */
    public static ChartLibrary load() {
        Properties properties = new Properties();
        try (InputStream in = resource(PROPERTIES)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROPERTIES, e);
        }
        String version = properties.getProperty("version");
        String path = "META-INF/resources/webjars/chart.js/" + version + "/dist/chart.umd.min.js";
        try (InputStream in = resource(path)) {
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ChartLibrary(version, source.replaceAll("(?m)^//# sourceMappingURL=.*$", "").strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ChartLibrary.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(path + " is not on the class path: the Chart.js webjar is missing from this build");
        }
        return in;
    }
}

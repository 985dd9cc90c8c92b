package darwin.runs.serve;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the run's slots are doing, read from the tail of its log ({@code run.log}), the one file
 * that says when an evaluation begins: {@code compiling ID}, {@code training ID for …} and
 * {@code scoring ID …} put a variant in flight (since its first such line), {@code evaluated ID}
 * and {@code racing: ID measured again} take it out, and the end of a generation, the noise floor
 * and a run starting or resuming end everything in flight. At most as many variants as the run has
 * slots are in flight: the latest ones.
 *
 * <p>The log's lines carry the wall-clock time of the machine that wrote them, without a date;
 * a time later than now is taken to be from the day before.
 */
final class SlotActivity {

    /** How much of the log's end is read: far more than one generation writes. */
    static final int TAIL = 256 * 1024;

    private static final Pattern LINE = Pattern.compile("^\\[(\\d{2}:\\d{2}:\\d{2})] (.*)$");
    private static final Pattern PHASE = Pattern.compile("^\\s*(compiling|training|scoring) ([0-9a-f]{16})\\b.*");
    private static final Pattern DONE = Pattern.compile("^\\s*(?:evaluated|racing:) ([0-9a-f]{16})\\b.*");
    private static final Pattern ALL_DONE = Pattern.compile(
            "^(?:generation \\d+ done|noise floor at|starting run|resuming run|confirmed|unconfirmed).*");

    /**
     * A variant in flight.
     *
     * @param variant its id
     * @param phase what it is doing: compiling, training or scoring
     * @param since when its evaluation began
     */
    record InFlight(String variant, String phase, ZonedDateTime since) {
        InFlight {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(since, "since");
        }
    }

    private SlotActivity() {}

    /** The variants in flight according to the log, at most {@code slots}, the longest-running first. */
    static List<InFlight> read(Path log, int slots, ZonedDateTime now) throws IOException {
        return Files.isRegularFile(log) ? of(tail(log).lines().toList(), slots, now) : List.of();
    }

    /** The variants in flight according to these log lines. */
    static List<InFlight> of(List<String> lines, int slots, ZonedDateTime now) {
        Map<String, InFlight> flying = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher stamped = LINE.matcher(line);
            if (!stamped.matches()) {
                continue;
            }
            String text = stamped.group(2);
            Matcher phase = PHASE.matcher(text);
            Matcher done = DONE.matcher(text);
            if (phase.matches()) {
                String variant = phase.group(2);
                InFlight known = flying.get(variant);
                boolean fresh = known == null || phase.group(1).equals("compiling");
                flying.put(variant, new InFlight(variant, phase.group(1), fresh ? when(stamped.group(1), now) : known.since()));
            } else if (done.matches()) {
                flying.remove(done.group(1));
            } else if (ALL_DONE.matcher(text).matches()) {
                flying.clear();
            }
        }
        List<InFlight> latest = new ArrayList<>(flying.values());
        latest.sort(Comparator.comparing(InFlight::since));
        return List.copyOf(latest.subList(Math.max(0, latest.size() - Math.max(1, slots)), latest.size()));
    }

    /** The moment of a log line's time: today, or yesterday when that would be later than now. */
    private static ZonedDateTime when(String time, ZonedDateTime now) {
        LocalTime clock;
        try {
            clock = LocalTime.parse(time);
        } catch (DateTimeParseException e) {
            return now;
        }
        ZoneId zone = now.getZone();
        ZonedDateTime today = LocalDateTime.of(LocalDate.from(now), clock).atZone(zone);
        return today.isAfter(now.plusMinutes(1)) ? today.minusDays(1) : today;
    }

    private static String tail(Path log) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = Math.max(0, length - TAIL);
            byte[] bytes = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            // a cut first line is no line
            return from == 0 ? text : text.substring(text.indexOf('\n') + 1);
        }
    }
}

package darwin.mutation.reply;

import darwin.core.Change;
import darwin.core.Edit;
import darwin.core.UpgradeRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the text form: sections {@code REASONING:}, {@code SUMMARY:}, {@code TAGS:} (comma
 * separated) and {@code REQUEST:} (a small JSON object or {@code none}), and edit blocks
 * ({@link EditBlocks}). A section runs from its heading to the next heading or edit block; its
 * text may start on the heading's line. Headings may carry markdown ({@code ## Summary:},
 * {@code **TAGS:**}); lines outside every section and block are ignored. An {@code EDITS:}
 * heading is allowed and says nothing.
 */
final class TextReply {

    private static final Pattern HEADING = Pattern.compile(
            "(?i)^[ \\t]*[#*_>]*[ \\t]*(REASONING|SUMMARY|TAGS|REQUEST|EDITS)[ \\t]*[*_]*[ \\t]*:[ \\t]*[*_]*[ \\t]*(.*)$");

    private TextReply() {
    }

    /** Whether the reply has an edit block. */
    static boolean hasBlocks(String reply) {
        return EditBlocks.present(lines(reply));
    }

    /** Whether the reply has a section heading in capitals, as the format writes them. */
    static boolean hasSections(String reply) {
        return lines(reply).stream().map(HEADING::matcher)
                .anyMatch(heading -> heading.matches() && heading.group(1).equals(heading.group(1).toUpperCase(Locale.ROOT)));
    }

    static Change read(String reply) throws MalformedReply {
        List<String> lines = lines(reply);
        List<EditBlocks.Block> blocks = EditBlocks.scan(lines);
        boolean[] inBlock = new boolean[lines.size()];
        blocks.forEach(block -> Arrays.fill(inBlock, block.first(), block.last() + 1, true));

        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        Map<String, Integer> headings = new LinkedHashMap<>();
        StringBuilder current = null;
        for (int i = 0; i < lines.size(); i++) {
            if (inBlock[i]) {
                current = null;
                continue;
            }
            Matcher heading = HEADING.matcher(lines.get(i));
            if (heading.matches()) {
                String name = heading.group(1).toUpperCase(Locale.ROOT);
                headings.putIfAbsent(name, i);
                current = sections.computeIfAbsent(name, n -> new StringBuilder());
                current.append(heading.group(2)).append('\n');
            } else if (current != null) {
                current.append(lines.get(i)).append('\n');
            }
        }
        List<Edit> edits = blocks.stream().map(EditBlocks.Block::edit).toList();
        Optional<UpgradeRequest> request = request(reply, section(sections, "REQUEST"), headings.get("REQUEST"));
        if (edits.isEmpty() && request.isEmpty()) {
            throw new MalformedReply("The reply has no edits and no request. Give at least one edit block: the file's path"
                    + " on its own line, then <<<<<<< SEARCH, the exact current lines, =======, the new lines,"
                    + " >>>>>>> REPLACE (or <<<<<<< FILE, the whole file, >>>>>>> FILE).");
        }
        String summary = section(sections, "SUMMARY").strip().lines().findFirst().orElse("");
        return new Change(section(sections, "REASONING"), summary, Tags.split(section(sections, "TAGS")), edits, request);
    }

    private static Optional<UpgradeRequest> request(String reply, String text, Integer headingLine) throws MalformedReply {
        String content = text.lines().filter(line -> !EditBlocks.isFence(line)).reduce("", (a, b) -> a + b + "\n");
        if (headingLine == null || RequestReader.isNone(content)) {
            return Optional.empty();
        }
        if (content.indexOf('{') < 0) {
            throw new MalformedReply("The REQUEST section must be a small JSON object {\"kind\", \"title\", \"rationale\","
                    + " \"payload\"} or none; it is " + Excerpts.quote(content) + ".");
        }
        int start = reply.indexOf('{', offsetOfLine(reply, headingLine));
        return RequestReader.read(JsonReply.objectAt(reply, start));
    }

    private static String section(Map<String, StringBuilder> sections, String name) {
        StringBuilder text = sections.get(name);
        return text == null ? "" : text.toString().strip();
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int i = 0; i < line && offset >= 0; i++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return Math.max(0, offset);
    }

    private static List<String> lines(String reply) {
        return Arrays.asList(reply.split("\n", -1));
    }
}

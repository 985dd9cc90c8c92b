package darwin.mutation.edit;

import darwin.core.Variant;
import darwin.core.VariantDiff;
import darwin.mutation.edit.LineDiff.Kind;
import darwin.mutation.edit.LineDiff.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The difference between two variants in the unified format of {@code diff -u} and
 * {@code git diff}: per changed file, in path order, {@code --- a/path} and {@code +++ b/path}
 * ({@code /dev/null} for a file added or removed), then hunks with {@value #CONTEXT} lines of
 * context under {@code @@ -start,count +start,count @@} headers (a count of 1 left out, as
 * {@code diff} does), and {@code \ No newline at end of file} after a last line without one.
 * {@code patch -p1} and {@code git apply} read it. The line diff is {@link LineDiff}.
 *
 * @param text the diff; empty when the variants' files are the same
 * @param added the number of {@code +} lines
 * @param removed the number of {@code -} lines
 */
public record UnifiedDiff(String text, int added, int removed) {

    /** Lines of context around each change. */
    public static final int CONTEXT = 3;

    /** The diff's text as the loop records it in the agents' memories. */
    public static final VariantDiff TEXT = (before, after) -> of(before, after).text();

    public UnifiedDiff {
        Objects.requireNonNull(text, "text");
        if (added < 0 || removed < 0) {
            throw new IllegalArgumentException("line counts are not negative");
        }
    }

    /** The diff from one variant's files to another's. */
    public static UnifiedDiff of(Variant before, Variant after) {
        return of(before.files(), after.files());
    }

    /** The diff between two file maps, relative path → content. */
    public static UnifiedDiff of(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        Writer writer = new Writer();
        for (String path : paths) {
            String old = before.get(path);
            String now = after.get(path);
            if (!Objects.equals(old, now)) {
                writer.file(path, old, now);
            }
        }
        return new UnifiedDiff(writer.text.toString(), writer.added, writer.removed);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Accumulates the diff of one file after another. */
    private static final class Writer {

        final StringBuilder text = new StringBuilder();
        int added;
        int removed;

        void file(String path, String old, String now) {
            text.append("--- ").append(old == null ? "/dev/null" : "a/" + path).append('\n');
            text.append("+++ ").append(now == null ? "/dev/null" : "b/" + path).append('\n');
            List<Step> steps = LineDiff.between(lines(old), lines(now));
            int[] oldBefore = new int[steps.size() + 1];
            int[] newBefore = new int[steps.size() + 1];
            List<Integer> changes = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Kind kind = steps.get(i).kind();
                oldBefore[i + 1] = oldBefore[i] + (kind == Kind.INSERT ? 0 : 1);
                newBefore[i + 1] = newBefore[i] + (kind == Kind.DELETE ? 0 : 1);
                if (kind != Kind.KEEP) {
                    changes.add(i);
                }
            }
            for (int c = 0; c < changes.size(); c++) {
                int from = Math.max(0, changes.get(c) - CONTEXT);
                int last = changes.get(c);
                while (c + 1 < changes.size() && changes.get(c + 1) - last - 1 <= 2 * CONTEXT) {
                    last = changes.get(++c);
                }
                int to = Math.min(steps.size(), last + 1 + CONTEXT);
                hunk(steps.subList(from, to), oldBefore[from], oldBefore[to] - oldBefore[from], newBefore[from],
                        newBefore[to] - newBefore[from]);
            }
        }

        private void hunk(List<Step> steps, int oldBefore, int oldCount, int newBefore, int newCount) {
            text.append("@@ -").append(range(oldBefore, oldCount)).append(" +").append(range(newBefore, newCount))
                    .append(" @@\n");
            for (Step step : steps) {
                char sign = switch (step.kind()) {
                    case KEEP -> ' ';
                    case DELETE -> '-';
                    case INSERT -> '+';
                };
                added += step.kind() == Kind.INSERT ? 1 : 0;
                removed += step.kind() == Kind.DELETE ? 1 : 0;
                String line = step.line();
                if (line.endsWith("\n")) {
                    text.append(sign).append(line);
                } else {
                    text.append(sign).append(line).append("\n\\ No newline at end of file\n");
                }
            }
        }

        /** {@code start,count}; the start is the line before when the count is 0, and {@code ,1} is left out. */
        private static String range(int before, int count) {
            return switch (count) {
                case 0 -> before + ",0";
                case 1 -> String.valueOf(before + 1);
                default -> (before + 1) + "," + count;
            };
        }

        /** The lines of a file, each with its {@code \n} but a last one that has none. */
        private static List<String> lines(String content) {
            List<String> lines = new ArrayList<>();
            if (content == null) {
                return lines;
            }
            int start = 0;
            while (start < content.length()) {
                int end = content.indexOf('\n', start);
                int next = end < 0 ? content.length() : end + 1;
                lines.add(content.substring(start, next));
                start = next;
            }
            return lines;
        }
    }
}

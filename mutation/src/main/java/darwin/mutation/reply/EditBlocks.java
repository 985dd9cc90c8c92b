package darwin.mutation.reply;

import darwin.core.Edit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the edit blocks of the text form, in the style of aider and OpenEvolve:
 *
 * <pre>
 * program/darwin/program/GptConfig.java
 * &lt;&lt;&lt;&lt;&lt;&lt;&lt; SEARCH
 * exact current lines
 * =======
 * new lines
 * &gt;&gt;&gt;&gt;&gt;&gt;&gt; REPLACE
 * </pre>
 *
 * and whole-file blocks between {@code <<<<<<< FILE} and {@code >>>>>>> FILE}. Markers may have
 * five to nine angle brackets or equals signs and any case; fences of any length around a block
 * (or inside its text) are no part of it.
 *
 * <p><b>Paths.</b> A block's path is on the nearest line above its opening marker that is neither
 * blank nor a fence, or on a fence line after the backticks ({@code ```java program/p/A.java}):
 * the whole line, tidied (backticks, emphasis, {@code #}, a {@code File:} label dropped), or else
 * the one path in it ({@link EditPaths#onLine}). A block whose nearest such line names no file
 * (prose, {@code ...}, or nothing since the block before) takes the path of the block before it,
 * as when several blocks follow one path line; the first block of a reply must have a path.
 *
 * <p><b>Text.</b> Each line of a block's text ends with {@code \n}. A SEARCH block whose search
 * text is empty or blank gives an empty search text, which creates a new file.
 */
final class EditBlocks {

    private static final Pattern SEARCH = Pattern.compile("(?i)^\\s*<{5,9}\\s*SEARCH\\s*$");
    private static final Pattern DIVIDER = Pattern.compile("^\\s*={5,9}\\s*$");
    private static final Pattern REPLACE = Pattern.compile("(?i)^\\s*>{5,9}\\s*REPLACE\\s*$");
    private static final Pattern FILE_START = Pattern.compile("(?i)^\\s*<{5,9}\\s*FILE\\s*$");
    private static final Pattern FILE_END = Pattern.compile("(?i)^\\s*>{5,9}\\s*FILE\\s*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(?:```|~~~).*$");

    /**
     * One block: its edit and the lines it spans, path line and fences included (0-based, inclusive).
     */
    record Block(int first, int last, Edit edit) {
    }

    private final List<String> lines;

    private EditBlocks(List<String> lines) {
        this.lines = lines;
    }

    /** Whether any line opens a block. */
    static boolean present(List<String> lines) {
        return lines.stream().anyMatch(line -> SEARCH.matcher(line).matches() || FILE_START.matcher(line).matches());
    }

    /** The blocks, in order. */
    static List<Block> scan(List<String> lines) throws MalformedReply {
        return new EditBlocks(lines).scan();
    }

    static boolean isFence(String line) {
        return FENCE.matcher(line).matches();
    }

    private List<Block> scan() throws MalformedReply {
        List<Block> blocks = new ArrayList<>();
        int floor = 0;
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            Block block = null;
            String previous = blocks.isEmpty() ? null : blocks.getLast().edit().path();
            if (SEARCH.matcher(line).matches()) {
                block = replaceBlock(i, floor, previous);
            } else if (FILE_START.matcher(line).matches()) {
                block = fileBlock(i, floor, previous);
            } else if (REPLACE.matcher(line).matches() || FILE_END.matcher(line).matches()) {
                throw new MalformedReply("Line " + (i + 1) + " closes a block (" + Excerpts.quote(line) + ") that was never"
                        + " opened: a SEARCH block opens with <<<<<<< SEARCH, a FILE block with <<<<<<< FILE.");
            }
            if (block == null) {
                i++;
            } else {
                blocks.add(block);
                i = block.last() + 1;
                floor = i;
            }
        }
        return blocks;
    }

    private Block replaceBlock(int open, int floor, String previous) throws MalformedReply {
        int pathLine = pathLine(open, floor, "SEARCH", previous);
        String path = pathLine < 0 ? previous
                : EditPaths.check(pathOn(lines.get(pathLine)), "The SEARCH block at line " + (open + 1));
        int first = pathLine < 0 ? open : openingFence(pathLine, floor);
        String name = "The SEARCH block for " + path + " that starts at line " + (open + 1);
        int divider = -1;
        for (int j = open + 1; j < lines.size(); j++) {
            String line = lines.get(j);
            if (divider < 0 && DIVIDER.matcher(line).matches()) {
                divider = j;
            } else if (REPLACE.matcher(line).matches()) {
                if (divider < 0) {
                    throw new MalformedReply(name + " has no ======= line between the search text and the replacement.");
                }
                String search = text(open + 1, divider);
                return new Block(first, closingFence(j), new Edit.Replace(path, search.isBlank() ? "" : search,
                        text(divider + 1, j)));
            } else if (SEARCH.matcher(line).matches() || FILE_START.matcher(line).matches()) {
                throw new MalformedReply(name + " has no >>>>>>> REPLACE line to end it before the next block opens at line "
                        + (j + 1) + (divider < 0 ? " (nor a ======= line)" : "") + ".");
            }
        }
        throw new MalformedReply(name + " has no >>>>>>> REPLACE line to end it" + (divider < 0 ? " (nor a ======= line)" : "")
                + "; the reply ends first. Every block needs path, <<<<<<< SEARCH, the current lines, =======, the new"
                + " lines, >>>>>>> REPLACE.");
    }

    private Block fileBlock(int open, int floor, String previous) throws MalformedReply {
        int pathLine = pathLine(open, floor, "FILE", previous);
        String path = pathLine < 0 ? previous
                : EditPaths.check(pathOn(lines.get(pathLine)), "The FILE block at line " + (open + 1));
        int first = pathLine < 0 ? open : openingFence(pathLine, floor);
        String name = "The FILE block for " + path + " that starts at line " + (open + 1);
        for (int j = open + 1; j < lines.size(); j++) {
            String line = lines.get(j);
            if (FILE_END.matcher(line).matches()) {
                return new Block(first, closingFence(j), new Edit.Write(path, text(open + 1, j)));
            }
            if (SEARCH.matcher(line).matches() || FILE_START.matcher(line).matches()) {
                throw new MalformedReply(name + " has no >>>>>>> FILE line to end it before the next block opens at line "
                        + (j + 1) + ".");
            }
        }
        throw new MalformedReply(name + " has no >>>>>>> FILE line to end it; the reply ends first.");
    }

    /**
     * The path line of the block opened at {@code open}: the nearest line above it, not before
     * {@code floor}, that is neither blank nor a fence without a path; -1 when the block takes the
     * {@code previous} block's path, because no such line names a file.
     */
    private int pathLine(int open, int floor, String kind, String previous) throws MalformedReply {
        for (int j = open - 1; j >= floor; j--) {
            String line = lines.get(j);
            if (line.isBlank() || (isFence(line) && pathOn(line).isEmpty())) {
                continue;
            }
            if (!pathOn(line).isEmpty()) {
                return j;
            }
            if (previous != null) {
                return -1;
            }
            throw new MalformedReply("The " + kind + " block at line " + (open + 1) + " has no path line before it: the"
                    + " line before it is " + Excerpts.quote(line) + ". Put the file's path, such as"
                    + " program/darwin/program/GptConfig.java, alone on the line just before <<<<<<< " + kind + ".");
        }
        if (previous != null) {
            return -1;
        }
        throw new MalformedReply("The " + kind + " block at line " + (open + 1) + " has no path line before it. Put the"
                + " file's path, such as program/darwin/program/GptConfig.java, alone on the line just before <<<<<<< "
                + kind + ".");
    }

    /**
     * The path a line names: {@link EditPaths#onLine}, or for a fence line the one word after the
     * fence's backticks that looks like a path ({@code ```java program/p/A.java}); empty when none.
     */
    private static String pathOn(String line) {
        if (!isFence(line)) {
            return EditPaths.onLine(line);
        }
        String info = line.strip().replaceFirst("^(?:`{3,}|~{3,})", "");
        List<String> paths = Arrays.stream(info.strip().split("\\s+")).map(EditPaths::onLine)
                .filter(path -> !path.isEmpty()).toList();
        return paths.size() == 1 ? paths.getFirst() : "";
    }

    /** The first line of a block whose path is at {@code pathLine}: the fence line before it, if there is one. */
    private int openingFence(int pathLine, int floor) {
        return pathLine - 1 >= floor && isFence(lines.get(pathLine - 1)) ? pathLine - 1 : pathLine;
    }

    /** The last line of a block that ends at {@code end}: the fence line after it, if there is one. */
    private int closingFence(int end) {
        return end + 1 < lines.size() && isFence(lines.get(end + 1)) ? end + 1 : end;
    }

    /** Lines {@code [from, to)}, each ended with {@code \n}. */
    private String text(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int j = from; j < to; j++) {
            text.append(lines.get(j)).append('\n');
        }
        return text.toString();
    }
}

package darwin.mutation.reply;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Tags written as text: comma- or line-separated, perhaps bracketed, quoted or bulleted; lower-cased. */
final class Tags {

    private Tags() {
    }

    static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\n;]"))
                .map(tag -> tag.replaceAll("^[\\s\\[\\]\"'`*#\\-]+|[\\s\\[\\]\"'`*.]+$", ""))
                .filter(tag -> !tag.isEmpty())
                .map(tag -> tag.toLowerCase(Locale.ROOT))
                .toList();
    }
}

package darwin.runs.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The user's documentation of the settings, generated from {@link Settings}: a Markdown table of
 * every setting and a commented YAML file of the defaults, together {@code CONFIGURATION.md} at
 * the repository's root (a test keeps the two equal).
 */
public final class ConfigurationDocs {

    private static final int WIDTH = 100;

    private ConfigurationDocs() {}

    /** {@code CONFIGURATION.md}: how settings are read, the table of every setting, and the example file. */
    public static String markdown() {
        return """
                # Configuration

                <!-- Generated from darwin.runs.config.Settings by ConfigurationDocs; do not edit by hand.
                     ConfigurationDocsTest fails when this file and the code disagree. -->

                `darwin run` reads its settings from a YAML file, `--config FILE`, and from flags, which
                override the file. A setting that neither gives keeps its default: with no file at all the
                run is the demo, %s agents for %s generations, %s training tokens per variant and the
                offline catalog proposing the changes, a few minutes on 2 cores with no network.

                - Keys are the dotted paths below, written as nested mappings (`population:`, then
                  `agents: 4` under it). A key left empty (`offspring:`) keeps its default.
                - Every problem is an error before anything starts, on one line that names the setting, the
                  value, what is allowed and where it came from (the file and line, or the flag): an unknown
                  key (with the closest known key), a value of the wrong type or out of range, settings that
                  contradict each other, a file that is missing or not YAML. An empty file is all defaults.
                - Sizes are `512m`, `8g` (binary units k, m, g, t; a plain number is bytes). Durations are
                  `60s`, `5m`, `1h` (a plain number is seconds).
                - `none` lifts a limit where the table allows it: `llm.cost-cap: none`, `evaluation.memory: none`.
                - The budget is one of `budget.tokens` (the default), `budget.seconds`, `budget.steps`,
                  `budget.flops` and `budget.equal-time`, never two; a budget flag (`--budget-seconds`,
                  `--steps`, `--tokens`, `--flops`, `--equal-time`) replaces the file's budget, whichever kind
                  it was. Tokens, FLOPs and equal time make the held-out loss independent of how busy the
                  host is while a variant trains (ARCHITECTURE.md, "Budgets").
                - Nothing is interpolated: `${VAR}` is an error, not an environment variable. API keys stay in
                  the environment, in the variable that `llm.api-key-env` names.

                ## Settings

                %s
                ## Example

                Every setting at its default, as a file:

                ```yaml
                %s```
                """.formatted(Settings.AGENTS.byDefault().description(),
                Settings.GENERATIONS.byDefault().description(), Settings.BUDGET_TOKENS.byDefault().description(),
                table(), yamlExample());
    }

    /** A Markdown table of every setting: key, flag, default, allowed values and meaning. */
    public static String table() {
        StringBuilder table = new StringBuilder("| setting | flag | default | values | meaning |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (Setting<?> setting : Settings.all()) {
            table.append("| `").append(setting.key()).append("` | ")
                    .append(setting.flag().map(flag -> "`" + flag.usage() + "`").orElse(""))
                    .append(" | ").append(shownDefault(setting))
                    .append(" | ").append(cell(setting.type().allowed()))
                    .append(" | ").append(cell(setting.doc())).append(" |\n");
        }
        return table.toString();
    }

    /**
     * A YAML file of every setting at its default, each under a comment with its doc and its
     * allowed values. Settings without a fixed default are left empty, which keeps the default.
     */
    public static String yamlExample() {
        StringBuilder yaml = new StringBuilder();
        comment(yaml, "", "darwin run configuration: every setting at its default. A setting left out or left"
                + " empty keeps its default; flags override the file.");
        List<String> open = new ArrayList<>();
        for (Setting<?> setting : Settings.all()) {
            List<String> path = List.of(setting.section().isEmpty() ? new String[0] : setting.section().split("\\."));
            int common = 0;
            while (common < open.size() && common < path.size() && open.get(common).equals(path.get(common))) {
                common++;
            }
            open = new ArrayList<>(open.subList(0, common));
            for (int depth = common; depth < path.size(); depth++) {
                if (depth == 0) {
                    yaml.append('\n');
                }
                String section = String.join(".", path.subList(0, depth + 1));
                String indent = "  ".repeat(depth);
                comment(yaml, indent, Settings.sections().getOrDefault(section, ""));
                yaml.append(indent).append(path.get(depth)).append(":\n");
                open.add(path.get(depth));
            }
            if (path.isEmpty()) {
                yaml.append('\n');
            }
            entry(yaml, "  ".repeat(path.size()), setting);
        }
        return yaml.toString();
    }

    private static <T> void entry(StringBuilder yaml, String indent, Setting<T> setting) {
        String value = switch (setting.byDefault()) {
            case Setting.Default.Value<T> fixed -> " " + scalar(setting.render(fixed.value()));
            case Setting.Default.Derived<T> derived -> "";
            case Setting.Default.None<T> none -> "";
        };
        String note = value.isEmpty() ? " Left empty: " + setting.byDefault().description() + "." : "";
        comment(yaml, indent, setting.doc() + note + " Allowed: " + setting.type().allowed() + ".");
        yaml.append(indent).append(setting.name()).append(':').append(value).append('\n');
    }

    /** {@code text} as comment lines of at most {@link #WIDTH} characters. */
    private static void comment(StringBuilder yaml, String indent, String text) {
        if (text.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder(indent).append('#');
        for (String word : text.split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > indent.length() + 1) {
                yaml.append(line).append('\n');
                line = new StringBuilder(indent).append('#');
            }
            line.append(' ').append(word);
        }
        yaml.append(line).append('\n');
    }

    /** A value as a YAML scalar: plain when it reads back as itself, else double-quoted. */
    private static String scalar(String text) {
        if (text.matches("[A-Za-z0-9._/+-]+") || text.startsWith("{")) {
            return text;
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String shownDefault(Setting<?> setting) {
        return switch (setting.byDefault()) {
            case Setting.Default.Value<?> fixed -> "`" + fixed.description() + "`";
            case Setting.Default.Derived<?> derived -> cell(derived.description());
            case Setting.Default.None<?> none -> cell(none.description());
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}

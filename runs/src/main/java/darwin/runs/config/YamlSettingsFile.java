package darwin.runs.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a YAML configuration file into {@link SettingValues}, each value with its line.
 *
 * <p>The file is walked token by token against {@link Settings}, so that every problem names its
 * line: a key that is neither a setting nor a section (with the closest known key), a key given
 * twice, a section given a value, a value its setting does not allow. An empty file, or one of
 * comments only, gives nothing; an empty value ({@code offspring:}) leaves its setting at the
 * default. Anchors and aliases are refused, and nothing is interpolated: {@code ${VAR}} is text.
 */
final class YamlSettingsFile {

    private static final YAMLMapper MAPPER = new YAMLMapper();

    private final Path file;
    private final JsonParser parser;
    private final Map<String, Integer> seen = new HashMap<>();
    private SettingValues values;

    private YamlSettingsFile(Path file, JsonParser parser, SettingValues values) {
        this.file = file;
        this.parser = parser;
        this.values = values;
    }

    /**
     * {@code values} with the settings that {@code file} gives.
     *
     * @throws ConfigException for a file that is missing, unreadable or not YAML, and for any key or
     *     value it may not hold, naming the file and the line
     */
    static SettingValues read(Path file, SettingValues values) {
        String text = text(file);
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                return values;
            }
            YamlSettingsFile reader = new YamlSettingsFile(file, parser, values);
            if (first != JsonToken.START_OBJECT) {
                throw reader.problem(line(parser), "the configuration must be a mapping of settings, such as 'population:'"
                        + " with 'agents: 4' under it, not " + kind(first));
            }
            reader.section("");
            if (parser.nextToken() != null) {
                throw reader.problem(line(parser), "a second YAML document; a configuration file holds one");
            }
            return reader.values;
        } catch (JsonProcessingException e) {
            throw syntax(file, e);
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private void section(String prefix) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = line(parser);
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            Integer earlier = seen.putIfAbsent(path, line);
            if (earlier != null) {
                throw problem(line, path + " is given twice, at lines " + earlier + " and " + line);
            }
            JsonToken value = parser.nextToken();
            if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw problem(line, path + ": anchors and aliases are not supported; write the value itself");
            }
            Optional<Setting<?>> setting = Settings.named(path);
            if (setting.isPresent()) {
                assign(setting.get(), value, line);
            } else if (Settings.sections().containsKey(path)) {
                if (value == JsonToken.START_OBJECT) {
                    section(path);
                } else if (value != JsonToken.VALUE_NULL) {
                    throw problem(line, path + " is a section, not a value: it holds "
                            + String.join(", ", Settings.namesUnder(path)));
                }
            } else {
                throw problem(line, unknown(path, prefix));
            }
        }
    }

    private <T> void assign(Setting<T> setting, JsonToken token, int line) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return;
        }
        T value;
        try {
            if (token.isScalarValue()) {
                value = setting.parse(parser.getText());
            } else {
                JsonNode tree = MAPPER.readTree(parser);
                value = setting.read(tree);
            }
        } catch (ConfigException e) {
            throw problem(line, e.getMessage());
        }
        values = values.with(setting, value, new Origin.File(file, line));
    }

    private static String unknown(String path, String section) {
        String message = "unknown setting '" + path + "'";
        Optional<String> meant = Settings.closest(path);
        if (meant.isPresent()) {
            return message + "; did you mean '" + meant.get() + "'?";
        }
        return message + (section.isEmpty() ? "; the top level holds " : "; " + section + " holds ")
                + String.join(", ", Settings.namesUnder(section));
    }

    private ConfigException problem(int line, String message) {
        return new ConfigException(file + " line " + line + ": " + message);
    }

    private static String text(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("the configuration file " + file + " is a directory");
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("the configuration file " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ConfigException("cannot read the configuration file " + file + ": permission denied", e);
        } catch (MalformedInputException e) {
            throw new ConfigException("the configuration file " + file + " is not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read the configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    /** A YAML syntax error, on one line: the problem, where, and what the parser was doing. */
    private static ConfigException syntax(Path file, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return new ConfigException(file + " line " + (marked.getProblemMark().getLine() + 1) + ": not valid YAML: "
                    + marked.getProblem() + context, e);
        }
        String first = e.getOriginalMessage().lines().findFirst().orElse("").strip();
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new ConfigException(file + " line " + line + ": not valid YAML: " + first, e);
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String kind(JsonToken token) {
        return token == JsonToken.START_ARRAY ? "a list" : "a single value";
    }
}

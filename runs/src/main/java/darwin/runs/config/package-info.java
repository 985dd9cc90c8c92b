/**
 * The configuration of a run: every setting of {@code darwin run} declared once, in
 * {@link darwin.runs.config.Settings}, with its YAML key, its flag, its type, its default and its
 * one-line doc. From that one list come the reading of a YAML file
 * ({@link darwin.runs.config.RunSettingsLoader}), the commands' flags
 * ({@link darwin.runs.config.SettingOptions}) and their overriding of the file, the checks,
 * the record tree the rest of the application reads ({@link darwin.runs.config.RunSettings}) and
 * the user's documentation ({@link darwin.runs.config.ConfigurationDocs}, written to
 * {@code CONFIGURATION.md}).
 *
 * <p>Every mistake a user can make in a file or a flag is a {@link darwin.runs.config.ConfigException}
 * with a one-line message that names the setting, the value, what is allowed and where the value
 * came from (the file and line, or the flag), before anything starts.
 */
package darwin.runs.config;

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
 *
 * <h2>Settings in detail</h2>
 *
 * <p>{@code darwin.runs.config} holds the settings of {@code darwin run}, each declared once in
 * {@code Settings} as a {@code Setting<T>}: its YAML key ({@code population.agents}), its flag if
 * any ({@code --population N}), its {@code SettingType} (how text is read and checked, what is
 * allowed, how a value is written back), its default (a value, one derived from other settings such
 * as offspring = agents, or none) and a one-line doc. The reader, the flags, the checks and the
 * docs all go through that list. {@code RunSettingsLoader.load(file, overrides)} starts from the
 * defaults, walks the YAML file token by token with Jackson's streaming parser (so that every
 * problem names its line: an unknown key with the closest known one, a key given twice, a section
 * given a value, a value out of range), then applies the flags, and builds the {@code RunSettings}
 * tree (population, seed, budget, evaluation, LLM, run directory), whose records check themselves
 * through the same descriptors and check what spans settings (elites below agents, one budget, a
 * model for every provider, a memory limit above the heap). Elites must be fewer than the agents,
 * not merely no more: with as many elites as agents no offspring could ever survive. Every failure
 * is a {@code ConfigException} on one line; for settings that contradict each other it says where
 * each value came from (file and line, flag, or default). Nothing is interpolated: keys stay in the
 * environment, named by {@code llm.api-key-env}. The records convert to the types the modules take
 * ({@code Budget}, {@code SandboxSettings}, {@code ProviderSettings}, {@code MutationSettings},
 * {@code PriceTable}). {@code ConfigurationDocs} renders {@code CONFIGURATION.md} (a table of every
 * setting and a commented YAML file of the defaults), and a test fails when the file and the code
 * disagree (regenerate with {@code -Ddarwin.writeDocs=true}).
 *
 * <p>No command declares a setting's flag again. A flag is a {@code Setting.Flag}: {@code Valued}
 * ({@code --population N}, the value as its argument) or {@code Switch}, a flag without an argument
 * that stands for one value ({@code --no-confirm} is {@code confirm.enabled: false},
 * {@code --await-approval} is {@code run.await-approval: true}). {@code SettingOptions} turns a
 * list of flagged settings into picocli {@code OptionSpec}s, which a command adds with a model
 * transformer ({@code @Command(modelTransformer = …)}): {@code run} takes every flag
 * ({@code SettingOptions.all()}), {@code resume} {@code --generations}, {@code mutate}
 * {@code --provider} and {@code --model}. The help text is the setting's doc, what it allows and
 * its default ({@code resume} shows "the run's own"). Every option takes text;
 * {@code SettingOptions.given} hands it back by setting, as the loader's overrides, and the
 * setting's own parser reads it, so a flag and a YAML key accept the same values and fail with the
 * same message ({@code flag --population: population.agents: …}). Options that are not settings
 * stay ordinary {@code @Option} fields: {@code run --config}, and {@code mutate}'s own
 * ({@code --out CHILD}, {@code --json}, {@code --persona}, {@code --base-url},
 * {@code --api-key-env}, {@code --repair-rounds}, the prompt's {@code --budget-seconds},
 * {@code --seed}).
 */
package darwin.runs.config;

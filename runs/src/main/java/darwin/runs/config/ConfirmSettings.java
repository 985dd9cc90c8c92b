package darwin.runs.config;

/**
 * Whether a run ends by confirming its headline, and how firmly: its best variant and the seed
 * evaluated {@code repeat} times each, in turn, with fresh seeds.
 *
 * @param enabled whether the run confirms its best variant when its last generation ends
 * @param repeat evaluations of each side, at least 2 (an interval needs two)
 */
public record ConfirmSettings(boolean enabled, int repeat) {

    public ConfirmSettings {
        Settings.CONFIRM_REPEAT.check(repeat);
    }
}

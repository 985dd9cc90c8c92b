package darwin.memory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an agent's prompt says of its memory: one line per lesson, most informative first, with
 * no two lines about the same change.
 *
 * <p>Order: the agent's attempts whose change was beyond the run's noise (better or worse), by the
 * size of their effect on perplexity (a large regression teaches as much as a large gain); then
 * those measured once each side, before runs kept replicates, by size; then its attempts that
 * failed, with why; then its attempts whose change was within the noise, which say nothing about
 * the change and come last so that the model does not learn from luck; then what other agents did
 * to its own variants. Of several attempts with the same summary and outcome only the latest is
 * kept. A change is written with its 95% interval's half-width ({@code -3.2% ±1.1%}) and whether
 * it is beyond the noise, so that no line presents a within-noise change as a gain.
 */
public final class MemoryDigest {

    private MemoryDigest() {}

    public static List<String> of(AgentMemory memory, int maxLines) {
        List<Attempt> mine = new ArrayList<>();
        List<Attempt> others = new ArrayList<>();
        for (Attempt attempt : memory.attempts()) {
            (attempt.mutator().equals(memory.agent()) ? mine : others).add(attempt);
        }
        Comparator<Attempt> bySize = Comparator.comparingDouble((Attempt a) -> -Math.abs(change(a)));
        List<Attempt> significant = latestOfEach(mine.stream().filter(a -> rank(a) == Rank.SIGNIFICANT).toList());
        significant.sort(bySize);
        List<Attempt> unjudged = latestOfEach(mine.stream().filter(a -> rank(a) == Rank.UNJUDGED).toList());
        unjudged.sort(bySize);
        List<Attempt> failed = latestOfEach(mine.stream().filter(a -> rank(a) == Rank.FAILED).toList());
        failed.sort(Comparator.comparingInt(Attempt::generation).reversed());
        List<Attempt> noise = latestOfEach(mine.stream().filter(a -> rank(a) == Rank.WITHIN_NOISE).toList());
        noise.sort(bySize);
        List<Attempt> received = latestOfEach(others);
        received.sort(Comparator.comparingInt(Attempt::generation).reversed());

        List<String> lines = new ArrayList<>();
        significant.forEach(a -> lines.add(measuredLine(a)));
        unjudged.forEach(a -> lines.add(measuredLine(a)));
        failed.forEach(a -> lines.add(String.format(Locale.ROOT, "gen %d, on %s's variant: %s%s → %s: %s",
                a.generation(), a.owner(), a.summary(), tags(a), a.status(), a.reason())));
        noise.forEach(a -> lines.add(measuredLine(a)));
        received.forEach(a -> lines.add(String.format(Locale.ROOT, "gen %d, %s changed your variant: %s%s → %s",
                a.generation(), a.mutator(), a.summary(), tags(a), outcome(a))));
        return lines.size() > maxLines ? List.copyOf(lines.subList(0, maxLines)) : List.copyOf(lines);
    }

    /** Where an attempt of the agent's own goes in the digest. */
    private enum Rank { SIGNIFICANT, UNJUDGED, FAILED, WITHIN_NOISE }

    private static Rank rank(Attempt a) {
        if (Double.isNaN(change(a))) {
            return Rank.FAILED;
        }
        if (a.effect() == null) {
            return Rank.UNJUDGED;
        }
        return a.effect().verdict() == Effect.Verdict.WITHIN_NOISE ? Rank.WITHIN_NOISE : Rank.SIGNIFICANT;
    }

    /** The relative change of perplexity: the effect's estimate when there is one; NaN when not measured. */
    private static double change(Attempt a) {
        return a.effect() != null ? a.effect().perplexity().estimate() : a.perplexityChange();
    }

    private static String measuredLine(Attempt a) {
        return String.format(Locale.ROOT, "gen %d, on %s's variant: %s%s → %s", a.generation(), a.owner(), a.summary(),
                tags(a), outcome(a));
    }

    private static String outcome(Attempt a) {
        if (Double.isNaN(change(a))) {
            return a.status() + (a.reason().isEmpty() ? "" : ": " + a.reason());
        }
        Effect effect = a.effect();
        String figures = a.before() == null || a.after() == null ? ""
                : String.format(Locale.ROOT, "%.3f → %.3f ", a.before().perplexity(), a.after().perplexity());
        String mfu = a.before() == null || a.after() == null ? ""
                : String.format(Locale.ROOT, "MFU %.1f%% → %.1f%%", 100 * a.before().mfu(), 100 * a.after().mfu());
        if (effect == null) {
            return String.format(Locale.ROOT, "perplexity %s(%+.1f%%, one run each, noise unknown), %s", figures,
                    100 * change(a), mfu);
        }
        String spread = effect.perplexity().bounded()
                ? String.format(Locale.ROOT, "±%.1f%%", 100 * effect.perplexity().halfWidth()) : "spread unknown";
        String judged = switch (effect.verdict()) {
            case BETTER -> "better beyond noise, " + spread;
            case WORSE -> "worse beyond noise, " + spread;
            case WITHIN_NOISE -> "within noise, " + spread + ": no measurable effect";
        };
        String mfuChange = effect.mfu().bounded()
                ? String.format(Locale.ROOT, " (%+.1f%% ±%.1f%%)", 100 * effect.mfu().estimate(), 100 * effect.mfu().halfWidth())
                : String.format(Locale.ROOT, " (%+.1f%%)", 100 * effect.mfu().estimate());
        return String.format(Locale.ROOT, "perplexity %s(%+.1f%%, %s; %d runs before, %d after), %s%s", figures,
                100 * effect.perplexity().estimate(), judged, effect.before(), effect.after(), mfu,
                mfu.isEmpty() ? "" : mfuChange);
    }

    private static String tags(Attempt a) {
        return a.tags().isEmpty() ? "" : " [" + String.join(", ", a.tags()) + "]";
    }

    /** Of attempts with the same summary and status, the latest. */
    private static List<Attempt> latestOfEach(List<Attempt> attempts) {
        Map<String, Attempt> latest = new LinkedHashMap<>();
        for (Attempt attempt : attempts) {
            latest.put(attempt.summary() + "\u0000" + attempt.status(), attempt);
        }
        return new ArrayList<>(latest.values());
    }
}

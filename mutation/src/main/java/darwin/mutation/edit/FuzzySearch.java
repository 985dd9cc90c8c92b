package darwin.mutation.edit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The near match of {@link FuzzyRule}, for one search text in one file.
 *
 * <p>Windows are visited in order of an upper bound on their similarity, {@code 1 - Σ|len(s) -
 * len(f)| / L} (a distance is at least the difference in length). A window can matter only if it
 * may beat the best found so far, or come within the margin of a best that reaches the threshold;
 * below that floor, {@code max(best - margin, min(best, threshold - margin))}, the visit stops once
 * the bound falls there, and a window's distances stop being summed once its similarity must.
 */
final class FuzzySearch {

    /** The most candidates an ambiguous match lists. */
    private static final int MAX_LISTED = 5;

    private final Lines file;
    private final Block block;
    private final FuzzyRule rule;
    private final String[] search;
    private final EditDistance[] distances;
    private final String[] lines;

    FuzzySearch(Lines file, Block block, FuzzyRule rule) {
        this.file = file;
        this.block = block;
        this.rule = rule;
        this.search = block.normalisedSearch().toArray(String[]::new);
        this.distances = Arrays.stream(search).map(EditDistance::new).toArray(EditDistance[]::new);
        this.lines = file.all().stream().map(Block::normalise).toArray(String[]::new);
    }

    Outcome locate() {
        int m = search.length;
        int n = lines.length;
        if (m > rule.maxSearchLines()) {
            return notFound("The search text has " + m + " lines, and near matches are looked for only up to "
                    + rule.maxSearchLines() + ": use a shorter search text.");
        }
        if (n > rule.maxFileLines()) {
            return notFound("The file has " + n + " lines, and near matches are looked for only in files of up to "
                    + rule.maxFileLines() + ".");
        }
        if (m > n) {
            return notFound("The file has only " + n + (n == 1 ? " line" : " lines") + ", fewer than the search text's " + m
                    + ".");
        }
        long fileLength = Arrays.stream(lines).mapToLong(String::length).sum();
        long work = Arrays.stream(distances).mapToLong(distance -> distance.steps(1)).sum() * fileLength;
        if (work > rule.maxWork()) {
            return notFound("The search text and the file are too long to look for near matches: use a shorter search"
                    + " text.");
        }
        double[] similarity = similarities();
        int best = IntStream.range(0, similarity.length).filter(w -> !Double.isNaN(similarity[w]))
                .boxed().max(Comparator.comparingDouble(w -> similarity[w])).orElseThrow();
        Candidate closest = candidate(best, similarity[best]);
        if (similarity[best] < rule.threshold()) {
            return new Outcome.Refused(new Problem.NotFound(Optional.of(closest),
                    String.format(Locale.ROOT, "A near match needs a similarity of %.2f.", rule.threshold())));
        }
        List<Candidate> close = closeCandidates(similarity, similarity[best] - rule.margin());
        if (close.size() > 1) {
            return new Outcome.Refused(new Problem.Ambiguous(close));
        }
        return new Outcome.Found(block.place(file, best, MatchStrategy.FUZZY, similarity[best]));
    }

    /** The similarity of each window, {@code NaN} for those that cannot matter. */
    private double[] similarities() {
        int m = search.length;
        int windows = lines.length - m + 1;
        long[] longest = new long[windows];
        double[] bound = new double[windows];
        for (int w = 0; w < windows; w++) {
            long gap = 0;
            for (int j = 0; j < m; j++) {
                int s = search[j].length();
                int f = lines[w + j].length();
                longest[w] += Math.max(s, f);
                gap += Math.abs(s - f);
            }
            bound[w] = longest[w] == 0 ? 1 : 1 - (double) gap / longest[w];
        }
        Integer[] order = IntStream.range(0, windows).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer w) -> -bound[w]).thenComparingInt(w -> w));

        double[] similarity = new double[windows];
        Arrays.fill(similarity, Double.NaN);
        double best = -1;
        for (int w : order) {
            double floor = Math.max(best - rule.margin(), Math.min(best, rule.threshold() - rule.margin()));
            if (bound[w] <= floor) {
                break;
            }
            long distance = 0;
            boolean hopeless = false;
            for (int j = 0; j < m && !hopeless; j++) {
                distance += distances[j].to(lines[w + j]);
                hopeless = longest[w] > 0 && 1 - (double) distance / longest[w] <= floor;
            }
            if (!hopeless) {
                similarity[w] = longest[w] == 0 ? 1 : 1 - (double) distance / longest[w];
                best = Math.max(best, similarity[w]);
            }
        }
        return similarity;
    }

    /** The windows above {@code floor} that overlap no better one, best first. */
    private List<Candidate> closeCandidates(double[] similarity, double floor) {
        List<Candidate> close = new ArrayList<>();
        IntStream.range(0, similarity.length)
                .filter(w -> !Double.isNaN(similarity[w]) && similarity[w] > floor)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer w) -> -similarity[w]).thenComparingInt(w -> w))
                .forEach(w -> {
                    Candidate candidate = candidate(w, similarity[w]);
                    if (close.stream().noneMatch(kept -> kept.lines().overlaps(candidate.lines()))) {
                        close.add(candidate);
                    }
                });
        return close.size() > MAX_LISTED ? close.subList(0, MAX_LISTED) : close;
    }

    private Candidate candidate(int window, double similarity) {
        int m = search.length;
        return new Candidate(new LineRange(window + 1, window + m), Math.max(0, Math.min(1, similarity)),
                file.excerpt(window, m, Candidate.EXCERPT_LINES));
    }

    private static Outcome notFound(String note) {
        return new Outcome.Refused(new Problem.NotFound(Optional.empty(), note));
    }
}

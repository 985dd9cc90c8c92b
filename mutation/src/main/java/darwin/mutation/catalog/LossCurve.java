package darwin.mutation.catalog;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The training curve of one evaluated variant, as (step, training loss) points over its whole
 * budget. Progress through the budget is read as the step over the last point's step: the points
 * of a time budget are close to even in time, since every step costs about the same.
 *
 * @param variantId the variant it belongs to, for the rationale
 * @param points in increasing step order, at least one, every loss finite
 */
public record LossCurve(String variantId, List<Point> points) {

    public LossCurve {
        Objects.requireNonNull(variantId, "variantId");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a curve needs at least one point");
        }
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).step() <= points.get(i - 1).step()) {
                throw new IllegalArgumentException("the curve's steps must increase: " + points.get(i - 1).step()
                        + " then " + points.get(i).step());
            }
        }
    }

    /**
     * The mean training loss over the points whose progress lies in (from, to], or empty when none
     * does.
     */
    public OptionalDouble meanLoss(double from, double to) {
        double last = points.getLast().step();
        return points.stream()
                .filter(point -> point.step() / last > from && point.step() / last <= to)
                .mapToDouble(Point::loss)
                .average();
    }

    /**
     * One point of a curve.
     *
     * @param step steps taken, at least 1
     * @param loss the training loss of that step
     */
    public record Point(long step, double loss) {
        public Point {
            if (step < 1) {
                throw new IllegalArgumentException("a step is at least 1, got " + step);
            }
            if (!Double.isFinite(loss)) {
                throw new IllegalArgumentException("a curve's loss must be finite, got " + loss);
            }
        }
    }
}

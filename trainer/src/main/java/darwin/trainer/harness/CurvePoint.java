package darwin.trainer.harness;

/**
 * One point of a training curve, as written to the curve log (one JSON object per line).
 *
 * @param step steps taken (batches drawn)
 * @param loss the program's training loss of that step
 * @param lr the learning rate the program used
 * @param tokens training tokens drawn so far
 * @param elapsed seconds since training started
 */
public record CurvePoint(long step, double loss, double lr, long tokens, double elapsed) {}

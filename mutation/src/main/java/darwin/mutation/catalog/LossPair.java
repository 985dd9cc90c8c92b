package darwin.mutation.catalog;

/**
 * One evaluation's losses at the end of training: the training loss (the mean of the curve's last
 * points) and the held-out loss the harness measured.
 *
 * @param trainLoss training loss at the end of the budget
 * @param heldOutLoss held-out loss of the trained model
 */
public record LossPair(double trainLoss, double heldOutLoss) {

    public LossPair {
        if (!Double.isFinite(trainLoss) || !Double.isFinite(heldOutLoss) || trainLoss < 0 || heldOutLoss < 0) {
            throw new IllegalArgumentException("losses are finite and not negative: " + trainLoss + ", " + heldOutLoss);
        }
    }
}

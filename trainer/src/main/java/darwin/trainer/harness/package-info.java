/**
 * The harness that trains a program and measures what it returns: it grants a FLOPs or equal-time
 * budget as tokens (the latter by interleaved speed probes against the seed, whose throughput on
 * this machine is calibrated once), hands out batches and counts them against the budget, logs
 * the training curve, catches every way a program can fail, checks the model is causal, and scores
 * it on the held-out windows.
 */
package darwin.trainer.harness;

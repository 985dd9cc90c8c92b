/**
 * The harness that trains a program and measures what it returns: it hands out batches and
 * counts them against the budget, logs the training curve, catches every way a program can fail,
 * checks the model is causal, and scores it on the held-out windows.
 */
package darwin.trainer.harness;

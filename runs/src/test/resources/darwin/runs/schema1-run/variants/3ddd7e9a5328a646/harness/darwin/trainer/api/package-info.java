/**
 * The harness API: the only surface a training program is written against.
 *
 * <p>A {@link darwin.trainer.api.TrainingProgram} receives a {@link
 * darwin.trainer.api.TrainingContext} (device, a stream of training batches, the budget clock, a
 * metrics sink, a seed) and returns a {@link darwin.trainer.api.LanguageModel} that maps token ids
 * (B,T) to next-token logits (B,T,V). Everything that is measured (held-out loss, parameter count,
 * FLOPs, MFU) is measured by the harness from what it hands out and what it gets back; the program
 * never sees the held-out text and cannot report its own figures.
 */
package darwin.trainer.api;

/**
 * The text the harness trains and measures on: the bundled tinyshakespeare corpus, its
 * character-level tokenizer, the 90/10 train/held-out split, random training batches and the
 * fixed held-out windows.
 */
package darwin.trainer.data;

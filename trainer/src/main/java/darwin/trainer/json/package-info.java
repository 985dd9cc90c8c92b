/**
 * JSON written without a JSON library: the child processes' reports and the training curve. The
 * children's class path holds the harness API, DJL and what they need, and not Jackson, which is
 * darwin's own library and not the variants' (see the package-info of {@code darwin.trainer.sandbox}); the
 * parent reads what they write with Jackson.
 */
package darwin.trainer.json;

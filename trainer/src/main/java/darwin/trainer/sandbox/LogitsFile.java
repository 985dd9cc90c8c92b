package darwin.trainer.sandbox;

import darwin.core.EvaluationStatus;
import darwin.trainer.harness.Scorer;
import darwin.trainer.measure.HeldOutEvaluator;
import darwin.trainer.measure.ScoringBatches;
import darwin.trainer.measure.ScoringPlan;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The scoring process's logits on their way to the parent: a file of exactly
 * {@code batches × rows × length × vocabulary} float32 values, little-endian, batch after batch in
 * the order presented, each row-major (row, position, token). Nothing else is in it: no header and
 * no figure the child computed. Its size is known to the parent before the child starts, so the
 * parent reads no more than that, and nothing at all from a file of another size.
 *
 * <p>The child writes it ({@link #create}); the parent reads the files of both scoring children
 * once they have ended ({@link #judge}), as an {@link UntrustedFile} (no link followed, a regular file only), and hands the values to
 * a {@link HeldOutEvaluator} batch by batch: it never holds more than a batch and the rows kept for
 * the checks.
 */
final class LogitsFile {

    private LogitsFile() {}

    /** The child's writer: each batch's logits appended as they come. */
    static Writer create(Path file, ScoringBatches batches, int vocabulary) throws IOException {
        return new Writer(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE), batches.logitsPerBatch(vocabulary));
    }

    /** Writes batches of logits to the file. */
    static final class Writer implements Scorer.LogitsSink, Closeable {
        private final FileChannel channel;
        private final ByteBuffer buffer;

        private Writer(FileChannel channel, int perBatch) {
            this.channel = channel;
            this.buffer = ByteBuffer.allocateDirect(4 * perBatch).order(ByteOrder.LITTLE_ENDIAN);
        }

        @Override
        public void accept(float[] logits) throws IOException {
            buffer.clear();
            buffer.asFloatBuffer().put(logits);
            buffer.limit(4 * logits.length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * Judges the logits of the plan's first scoring process, in {@code first}, and of its second,
     * in {@code second}. A file that is missing, not a regular file (a link among them) or not
     * exactly the size the plan gives is a {@code VIOLATION}: the harness's code in the child writes
     * it whole before it reports.
     *
     * @throws IOException when a regular file of the right size cannot be read
     */
    static HeldOutEvaluator.Verdict judge(Path first, Path second, ScoringPlan plan, int vocabulary) throws IOException {
        HeldOutEvaluator evaluator = new HeldOutEvaluator(plan, vocabulary);
        Optional<HeldOutEvaluator.Verdict> malformed = read(first, plan.batches(), vocabulary, evaluator::accept);
        if (malformed.isEmpty()) {
            malformed = read(second, plan.checkBatches(), vocabulary, evaluator::acceptCheck);
        }
        return malformed.isPresent() ? malformed.get() : evaluator.verdict();
    }

    /** Hands every batch of logits in {@code file} to {@code sink}; or says why the file is not the logits of {@code batches}. */
    private static Optional<HeldOutEvaluator.Verdict> read(Path file, ScoringBatches batches, int vocabulary,
            Consumer<float[]> sink) throws IOException {
        int perBatch = batches.logitsPerBatch(vocabulary);
        long expected = 4L * perBatch * batches.batches();
        try (FileChannel channel = UntrustedFile.channel(file)) {
            if (channel.size() != expected) {
                return Optional.of(malformed("hold " + channel.size() + " bytes, not the " + expected + " of "
                        + batches.batches() + " batches of " + batches.rows() + "×" + batches.length() + "×" + vocabulary
                        + " float32 values"));
            }
            ByteBuffer buffer = ByteBuffer.allocate(4 * perBatch).order(ByteOrder.LITTLE_ENDIAN);
            float[] logits = new float[perBatch];
            for (int b = 0; b < batches.batches(); b++) {
                buffer.clear();
                while (buffer.hasRemaining()) {
                    if (channel.read(buffer) < 0) {
                        return Optional.of(malformed("end after " + b + " of " + batches.batches() + " batches"));
                    }
                }
                buffer.flip();
                buffer.asFloatBuffer().get(logits);
                sink.accept(logits);
            }
        } catch (NoSuchFileException e) {
            return Optional.of(malformed("are missing"));
        } catch (UntrustedFile.Refused e) {
            return Optional.of(malformed("are not in a regular file"));
        }
        return Optional.empty();
    }

    private static HeldOutEvaluator.Verdict malformed(String what) {
        return new HeldOutEvaluator.Rejected(EvaluationStatus.VIOLATION, "the scoring process's logits " + what);
    }
}

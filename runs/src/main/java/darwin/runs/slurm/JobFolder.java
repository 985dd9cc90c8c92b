package darwin.runs.slurm;

import darwin.core.EvaluationResult;
import darwin.core.Variant;
import darwin.memory.AtomicFiles;
import darwin.trainer.cache.ResultKey;
import darwin.trainer.cache.SignedResult;
import darwin.trainer.variant.VariantDirectory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of one evaluation's job, in a folder named after the job on the file system the nodes
 * share: {@code order.json} (what to evaluate, {@link JobOrder}), {@code variant/} (its files),
 * {@code secret} (the key that signs the result, readable by the user alone), {@code job.sh} (the
 * batch script), {@code job.out} (what every attempt printed), {@code logs/} (the children's logs
 * and the training curve) and {@code result} (the signed result, written atomically by the job).
 *
 * <p>The folder outlives attempts and the loop: a resumed loop finds the secret and reads a result
 * that a job wrote while it was down.
 */
public final class JobFolder {

    private static final int SECRET_BYTES = 32;

    private final Path dir;

    public JobFolder(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path order() {
        return dir.resolve("order.json");
    }

    public Path variant() {
        return dir.resolve("variant");
    }

    public Path script() {
        return dir.resolve("job.sh");
    }

    public Path output() {
        return dir.resolve("job.out");
    }

    public Path logs() {
        return dir.resolve("logs");
    }

    public Path resultFile() {
        return dir.resolve("result");
    }

    private Path secretFile() {
        return dir.resolve("secret");
    }

    /**
     * The key that signs this evaluation's result: made once, readable by the user alone, and kept
     * for every attempt and every resume.
     */
    public byte[] secret() throws IOException {
        Files.createDirectories(dir);
        try {
            return readSecret();
        } catch (NoSuchFileException e) {
            byte[] secret = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            Path temporary = Files.createTempFile(dir, ".secret-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(temporary, secret);
                Files.move(temporary, secretFile()); // never over a secret another process made meanwhile
                return secret;
            } catch (FileAlreadyExistsException raced) {
                return readSecret();
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** The key, as the job reads it. */
    public byte[] readSecret() throws IOException {
        byte[] secret = Files.readAllBytes(secretFile());
        if (secret.length != SECRET_BYTES) {
            throw new IOException(secretFile() + " is not a key of " + SECRET_BYTES + " bytes");
        }
        return secret;
    }

    /** Writes what a job needs: its order, the variant's files (once) and its script. */
    public void prepare(JobOrder order, Variant variant, String script) throws IOException {
        Files.createDirectories(dir);
        if (!Files.isRegularFile(variant().resolve(VariantDirectory.METADATA))) {
            VariantDirectory.write(variant, variant());
        }
        AtomicFiles.write(order(), order.toJson());
        AtomicFiles.write(script(), script.getBytes(StandardCharsets.UTF_8));
        script().toFile().setExecutable(true, true);
    }

    /** The job's order. */
    public JobOrder readOrder() throws IOException {
        return JobOrder.fromJson(Files.readAllBytes(order()));
    }

    /** The result a job wrote for {@code key}, when its signature holds. */
    public Optional<EvaluationResult> result(byte[] secret, ResultKey key) {
        byte[] content;
        try {
            content = Files.readAllBytes(resultFile());
        } catch (IOException e) {
            return Optional.empty(); // none yet
        }
        return SignedResult.read(secret, key, content);
    }

    /** Writes the signed result atomically, as the job does when its evaluation ends. */
    public void writeResult(byte[] secret, ResultKey key, EvaluationResult result) throws IOException {
        AtomicFiles.write(resultFile(), SignedResult.write(secret, key, result));
    }

    /** Removes a result that must not be believed again (a failure of the harness, to be tried anew). */
    public void clearResult() throws IOException {
        Files.deleteIfExists(resultFile());
    }

    /** The last lines the job's attempts printed, for a message. */
    public String outputTail() {
        try {
            String text = Files.readString(output(), StandardCharsets.UTF_8).strip();
            return text.length() <= 2000 ? text : "…" + text.substring(text.length() - 2000);
        } catch (IOException e) {
            return "";
        }
    }

    /** Copies the children's logs and the curve of the last attempt into {@code target}. */
    public void copyLogs(Path target) throws IOException {
        if (target == null || !Files.isDirectory(logs())) {
            return;
        }
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(logs())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

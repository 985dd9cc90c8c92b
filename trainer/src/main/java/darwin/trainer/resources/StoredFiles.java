package darwin.trainer.resources;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reading, checking and writing the files of a {@link ResourceStore}; every failure names the file. */
final class StoredFiles {

    private StoredFiles() {}

    /** Writes {@code bytes} to {@code dir/name} atomically, unless a file with that hash is there already. */
    static void write(Path dir, String name, String sha256, byte[] bytes) throws ResourceException {
        Path target = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            if (Files.isRegularFile(target) && sha256(Files.readAllBytes(target)).equals(sha256)) {
                return;
            }
            Path temporary = Files.createTempFile(dir, "." + sha256, ".part");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new ResourceException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    static byte[] read(Path file, long limit, String what) throws ResourceException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ResourceException("there is no file " + file + " to add as a " + what);
            }
            long size = Files.size(file);
            if (size > limit) {
                throw new ResourceException(file + " is " + size + " bytes; a " + what + " is at most " + limit);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ResourceException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static String utf8(byte[] bytes, String what) throws ResourceException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new ResourceException(what + " is not UTF-8 text (a bad byte sequence at byte " + in.position() + ")", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}

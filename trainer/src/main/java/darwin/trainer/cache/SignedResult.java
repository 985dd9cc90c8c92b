package darwin.trainer.cache;

import darwin.core.EvaluationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A result handed from one process to another through a file, such as a batch job's on a cluster:
 * the JSON of a cached result ({@link ResultJson}: the key and the result) after a first line that
 * signs it with HMAC-SHA256 under a key both sides know,
 * {@code darwin-result hmac-sha256=<hex>}. The reader believes a file only when the signature holds
 * for the exact bytes that follow it and the key inside is the one it asked for: a file cut off, a
 * file of another evaluation, or one written by anything that does not hold the key reads as
 * nothing.
 *
 * <p>The bytes are made here; writing them atomically (a temporary file renamed into place) is the
 * writer's part.
 */
public final class SignedResult {

    private static final String PREFIX = "darwin-result hmac-sha256=";

    private SignedResult() {}

    /** The signed bytes of a result for {@code key}. */
    public static byte[] write(byte[] secret, ResultKey key, EvaluationResult result) throws IOException {
        Objects.requireNonNull(secret, "secret");
        byte[] json = ResultJson.write(key, result);
        byte[] head = (PREFIX + HexFormat.of().formatHex(mac(secret, json)) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] signed = Arrays.copyOf(head, head.length + json.length);
        System.arraycopy(json, 0, signed, head.length, json.length);
        return signed;
    }

    /**
     * The result in {@code content}, when it is signed with {@code secret} and holds {@code key}'s
     * result; empty otherwise.
     */
    public static Optional<EvaluationResult> read(byte[] secret, ResultKey key, byte[] content) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(key, "key");
        int newline = indexOf(content, (byte) '\n');
        if (newline < 0) {
            return Optional.empty();
        }
        String head = new String(content, 0, newline, StandardCharsets.US_ASCII);
        if (!head.startsWith(PREFIX)) {
            return Optional.empty();
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(head.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] json = Arrays.copyOfRange(content, newline + 1, content.length);
        if (!MessageDigest.isEqual(mac(secret, json), claimed)) {
            return Optional.empty();
        }
        try {
            ResultJson.Entry entry = ResultJson.read(json);
            return entry.key().equals(key) ? Optional.of(entry.result()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] mac(byte[] secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}

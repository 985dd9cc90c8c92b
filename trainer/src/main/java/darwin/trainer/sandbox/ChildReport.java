package darwin.trainer.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.trainer.json.JsonObject;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The report a child process sends back: one line on its standard output,
 * {@code DARWIN-REPORT <base64 JSON> <HMAC>}, signed with a key the parent passed on standard
 * input before any of the variant's code was loaded. The program shares the child's JVM and its
 * standard output, so it may print anything, including lines that look like reports; without the
 * key it cannot sign one, and a report it altered no longer verifies. The child signs with a
 * {@link ReportSigner} it made before the program could install a security provider, so no
 * provider of the program's is ever handed the key. What the JSON holds is
 * {@link ReportWriter}'s (the child's) and {@link ReportJson}'s (the parent's) business.
 *
 * <p>The children frame reports with {@link JsonObject}; only the parent, which reads them, uses
 * Jackson, which is not on the children's class path ({@link ChildClasspath}): nothing a child
 * calls here may load it.
 */
public final class ChildReport {

    private static final String PREFIX = "DARWIN-REPORT ";
    /** The signature's algorithm. */
    static final String MAC_ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;

    private ChildReport() {}

    /** A fresh random key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * The report line for a JSON object. The parent's and tests' way; a child signs with the
     * {@link ReportSigner} it made before the variant's code could install a security provider.
     */
    public static String frame(byte[] key, JsonObject report) {
        byte[] json = report.toBytes();
        return line(json, mac(key, json));
    }

    /** The report line for a JSON text and its signature. */
    static String line(byte[] json, byte[] signature) {
        return PREFIX + Base64.getEncoder().encodeToString(json) + " " + HexFormat.of().formatHex(signature);
    }

    /** The last correctly signed report in a process's output, if any. */
    public static Optional<JsonNode> find(byte[] key, String output) {
        JsonNode found = null;
        for (String line : output.split("\n")) {
            int start = line.indexOf(PREFIX);
            if (start < 0) {
                continue;
            }
            String[] parts = line.substring(start + PREFIX.length()).strip().split(" ");
            if (parts.length != 2) {
                continue;
            }
            try {
                byte[] json = Base64.getDecoder().decode(parts[0]);
                byte[] claimed = HexFormat.of().parseHex(parts[1]);
                if (MessageDigest.isEqual(mac(key, json), claimed)) {
                    found = Parser.JSON.readTree(json);
                }
            } catch (IllegalArgumentException | IOException e) {
                // not a report of ours
            }
        }
        return Optional.ofNullable(found);
    }

    /** The SHA-256 of a byte string, in hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(new SecretKeySpec(key, MAC_ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /** The parent's reader, in a class of its own so that a child never initializes it. */
    private static final class Parser {
        static final ObjectMapper JSON = new ObjectMapper();
    }
}

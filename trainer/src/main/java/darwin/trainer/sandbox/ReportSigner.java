package darwin.trainer.sandbox;

import darwin.trainer.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A child's means of signing its report and hashing its weights, obtained whole before any of the
 * variant's classes load: the {@code HmacSHA256} {@link Mac}, already initialised with the report
 * key, and the {@code SHA-256} {@link MessageDigest}. A program may install a
 * {@link java.security.Provider} first in line for either algorithm, but the harness asks the
 * providers only once, at {@link #create}, before the program can have installed one; later it
 * only uses the instances it holds. The key itself is wiped from the caller's array once the
 * {@code Mac} holds it, so no object the program can reach keeps it.
 *
 * <p>Thread safety: {@link #frame} and {@link #sha256} are synchronized (the warm-up thread and
 * the reporting thread may use one signer).
 */
final class ReportSigner {

    private final Mac mac;
    private final MessageDigest digest;

    private ReportSigner(Mac mac, MessageDigest digest) {
        this.mac = mac;
        this.digest = digest;
    }

    /**
     * A signer for {@code key}, which it wipes (fills with zeros) once the {@code Mac} holds it.
     * Call it before any of the variant's code can run.
     *
     * @throws IllegalStateException when the JDK lacks HmacSHA256 or SHA-256
     */
    static ReportSigner create(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ChildReport.MAC_ALGORITHM);
            mac.init(new SecretKeySpec(key, ChildReport.MAC_ALGORITHM)); // the provider is chosen here, once
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return new ReportSigner(mac, digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ChildReport.MAC_ALGORITHM + " or SHA-256", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The report line for a JSON object, as {@link ChildReport#frame} makes it. */
    synchronized String frame(JsonObject report) {
        byte[] json = report.toBytes();
        return ChildReport.line(json, mac.doFinal(json));
    }

    /** The SHA-256 of a byte string, in hex. */
    synchronized String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest.digest(bytes));
    }
}

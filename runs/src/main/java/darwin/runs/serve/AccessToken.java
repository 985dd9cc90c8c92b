package darwin.runs.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The secrets of one server: the token printed in the page's address, and the session that a
 * browser gets for it in a cookie. The token is presented once per browser, in the address that
 * darwin prints; the page answers with the session cookie ({@code HttpOnly}, so no script reads
 * it; {@code SameSite=Strict}, so no other site's page sends it) and never needs the token again.
 * Both are 256 random bits, compared in constant time.
 *
 * <p>The cookie's name carries the port: browsers keep cookies by host and not by port, so two
 * servers on one machine must not overwrite each other's.
 *
 * @param token what the printed address carries
 * @param session what the cookie carries
 * @param cookie the cookie's name
 */
record AccessToken(String token, String session, String cookie) {

    AccessToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(cookie, "cookie");
        if (token.length() < 32 || session.length() < 32) {
            throw new IllegalArgumentException("a token and a session must be at least 32 characters");
        }
    }

    /** Fresh secrets for the server listening on {@code port}. */
    static AccessToken random(int port, SecureRandom random) {
        return new AccessToken(secret(random), secret(random), "darwin-" + port);
    }

    /** Whether {@code candidate} is the token. */
    boolean isToken(String candidate) {
        return same(token, candidate);
    }

    /** Whether {@code candidate} is the session. */
    boolean isSession(String candidate) {
        return same(session, candidate);
    }

    /** The {@code Set-Cookie} value that gives a browser the session. */
    String setCookie() {
        return cookie + "=" + session + "; Path=/; HttpOnly; SameSite=Strict";
    }

    private static boolean same(String secret, String candidate) {
        return candidate != null && MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package darwin.mutation.reply;

/** Thrown inside this package when a reply cannot be read; the parser turns it into a result. */
final class MalformedReply extends Exception {

    MalformedReply(String why) {
        super(why, null, false, false);
    }

    String why() {
        return getMessage();
    }
}

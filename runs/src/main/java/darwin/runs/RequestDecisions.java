package darwin.runs;

import darwin.memory.Request;
import darwin.memory.RequestStatus;
import darwin.population.upgrade.UpgradeException;
import darwin.population.upgrade.UpgradeReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * People's decisions on a run's upgrade requests, made the one way whether they come from
 * {@code darwin requests} or from the live page ({@code darwin serve}): an approval is checked at
 * once against what the run can apply ({@link UpgradeReader}), so that a value that cannot work is
 * refused now and not in the night, and every decision goes through the run's locked
 * {@link darwin.memory.RequestBook}, so that people, pages and the run never lose one another's
 * changes.
 *
 * <p>What a person supplies with an approval depends on the request's kind. From the command
 * line, {@code --with} names a file for {@code DATASET}, {@code SCRIPT} and
 * {@code FILE_STRUCTURE}; from the page, the text itself is given, and a {@code DATASET} (a file on
 * the run's machine) can only be approved from the command line.
 */
public final class RequestDecisions {

    private final RunFiles files;

    private RequestDecisions(RunFiles files) {
        this.files = files;
    }

    /**
     * The decisions on the run in {@code dir}.
     *
     * @throws IllegalArgumentException when {@code dir} holds no run
     */
    public static RequestDecisions open(Path dir) {
        return new RequestDecisions(RunFiles.open(dir));
    }

    /** Every request, oldest first, read under the book's lock. */
    public List<Request> all() {
        return files.requests().all();
    }

    /** The request with this id (matched as {@code darwin requests} matches it), if there is one. */
    public Optional<Request> find(String id) {
        return all().stream().filter(r -> r.id().equalsIgnoreCase(id.strip())).findFirst();
    }

    /**
     * Approves with what the command line's {@code --with} gives: a file for {@code DATASET},
     * {@code SCRIPT} and {@code FILE_STRUCTURE}, coordinates for {@code LIBRARY}, a number for
     * {@code BUDGET}; {@code null} for the agent's own payload.
     */
    Request approveWithArgument(String id, String by, String note, String with, PrintWriter out) throws IOException {
        Request request = pending(id);
        String value = switch (request.kind()) {
            case DATASET, LIBRARY -> ApprovedResources.store(files, request, with, out);
            case SCRIPT, FILE_STRUCTURE -> with == null ? "" : RequestsCommand.text(Path.of(with));
            case BUDGET -> with == null ? "" : with;
        };
        return approve(request, by, note, value);
    }

    /**
     * Approves with a value given as text, as the page gives it: the number, the script, the
     * layout or the coordinates themselves; blank for the agent's own payload.
     *
     * @throws IllegalArgumentException when the value cannot work, or the request is a {@code DATASET}
     * @throws IllegalStateException when the request is no longer pending
     */
    public Request approveWithText(String id, String by, String note, String text, PrintWriter out) {
        Request request = pending(id);
        String value = switch (request.kind()) {
            case DATASET -> throw new IllegalArgumentException("a DATASET request is approved with a text file on the run's"
                    + " machine: darwin requests " + files.run().root() + " approve " + request.id() + " --with FILE");
            case LIBRARY -> ApprovedResources.store(files, request, text, out);
            case SCRIPT, FILE_STRUCTURE, BUDGET -> text == null ? "" : text;
        };
        return approve(request, by, note, value);
    }

    /**
     * Denies a pending request; the agent learns it, with the note.
     *
     * @throws IllegalStateException when the request is no longer pending
     */
    public Request deny(String id, String by, String note) {
        return files.requests().decide(id, RequestStatus.DENIED, who(by), note, "");
    }

    /** Who decides: the name given, else the user's name. */
    public static String who(String by) {
        return by != null && !by.isBlank() ? by : System.getProperty("user.name", "unknown");
    }

    private Request pending(String id) {
        Request request = files.requests().get(id);
        if (request.status() != RequestStatus.PENDING) {
            throw new IllegalStateException("request " + request.id() + " is already "
                    + request.status().name().toLowerCase(Locale.ROOT));
        }
        return request;
    }

    private Request approve(Request request, String by, String note, String value) {
        Request asApproved = request.decided(RequestStatus.APPROVED, new Request.Decision(who(by), Instant.now(), note, value));
        try {
            new UpgradeReader(RunAssembly.resources()).read(asApproved, files.budget());
        } catch (UpgradeException e) {
            throw new IllegalArgumentException("request " + request.id() + " cannot be approved: " + e.getMessage());
        }
        return files.requests().decide(request.id(), RequestStatus.APPROVED, who(by), note, value);
    }
}

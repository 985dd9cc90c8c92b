package darwin.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.UpgradeRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The run's upgrade requests, {@code requests.json}: filed by the run when an agent asks, decided
 * by people with {@code darwin requests}, applied by the run at the start of a generation.
 *
 * <p>Concurrency: a live run and any number of people's commands may change the file at once.
 * Every change reads the file, changes it and writes it back atomically while holding the file's
 * lock ({@link FileLocks}), so no change is lost and no reader sees half a file. Nothing is cached:
 * every read sees the latest decisions.
 */
public final class RequestBook {

    /** Version of the file format. */
    public static final int SCHEMA = 1;

    private final Path file;
    private final ObjectMapper json;
    private final Clock clock;

    public RequestBook(Path file, ObjectMapper json, Clock clock) {
        this.file = file;
        this.json = JsonFiles.withTimes(json);
        this.clock = clock;
    }

    /** Every request, oldest first. */
    public List<Request> all() {
        return FileLocks.holding(file, this::read);
    }

    /**
     * Every request, oldest first, read without taking the lock: for readers that must not write
     * into the run's folder (a report). The file is only ever replaced whole, so this sees one
     * version of it.
     */
    public List<Request> snapshot() {
        return read();
    }

    /** The requests with a status, oldest first. */
    public List<Request> with(RequestStatus status) {
        return all().stream().filter(r -> r.status() == status).toList();
    }

    /**
     * The request with an id.
     *
     * @throws IllegalArgumentException naming the ids there are, when there is none
     */
    public Request get(String id) {
        return find(read(), id);
    }

    /** Files an agent's request once: a proposal already filed (a resumed run) returns its request. */
    public Request file(String proposal, int generation, String agent, UpgradeRequest asked) {
        Request[] filed = new Request[1];
        update(requests -> {
            Optional<Request> known = requests.stream().filter(r -> !proposal.isEmpty() && r.proposal().equals(proposal))
                    .findFirst();
            if (known.isPresent()) {
                filed[0] = known.get();
                return requests;
            }
            filed[0] = Request.asked("r" + (requests.size() + 1), proposal, generation, agent, asked, clock.instant());
            requests.add(filed[0]);
            return requests;
        });
        return filed[0];
    }

    /** Records a person's decision on a pending request and returns the request as decided. */
    public Request decide(String id, RequestStatus outcome, String by, String note, String value) {
        return change(id, r -> r.decided(outcome, new Request.Decision(by, clock.instant(), note, value)));
    }

    /** Records that an approved request took effect from {@code generation}, or could not. */
    public Request applied(String id, boolean success, int generation, String note) {
        return change(id, r -> r.applied(success, new Request.Application(generation, clock.instant(), note)));
    }

    public Path file() {
        return file;
    }

    private Request change(String id, UnaryOperator<Request> how) {
        Request[] changed = new Request[1];
        update(requests -> {
            Request request = find(requests, id);
            changed[0] = how.apply(request);
            requests.set(requests.indexOf(request), changed[0]);
            return requests;
        });
        return changed[0];
    }

    private void update(UnaryOperator<List<Request>> how) {
        FileLocks.holding(file, () -> {
            List<Request> changed = how.apply(new ArrayList<>(read()));
            JsonFiles.write(file, json, SCHEMA, new Requests(changed));
            return null;
        });
    }

    private List<Request> read() {
        if (!Files.exists(file)) {
            return List.of();
        }
        return JsonFiles.read(file, json, SCHEMA, Requests.class, "a request book").requests();
    }

    /** The file's body: every request, oldest first. */
    private record Requests(List<Request> requests) {
        Requests {
            requests = List.copyOf(requests);
        }
    }

    private Request find(List<Request> requests, String id) {
        return requests.stream().filter(r -> r.id().equalsIgnoreCase(id.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no request '" + id + "' in " + file
                        + (requests.isEmpty() ? " (there are none yet)"
                                : "; the requests are " + requests.stream().map(Request::id).toList())));
    }
}

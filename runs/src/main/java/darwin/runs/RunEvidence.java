package darwin.runs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.Metrics;
import darwin.core.MutationTask;
import darwin.core.UpgradeRequest;
import darwin.core.Variant;
import darwin.memory.Request;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunDirectory;
import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LedgerEvents;
import darwin.mutation.catalog.LossCurve;
import darwin.mutation.catalog.LossPair;
import darwin.mutation.catalog.RequestAdvisor;
import darwin.mutation.catalog.RequestEvidence;
import darwin.trainer.variant.VariantDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The offline mutator's requests: the {@link RequestAdvisor} reads the run's evidence — the
 * training curves of the target and the best peers, and the (training, held-out) losses along the
 * target's lineage — and may ask people for more budget or more text.
 *
 * <p>It asks once: not while a request of the same kind waits for a decision or an effect, and
 * never twice for the same thing, whatever was decided. The proposals of one generation are made
 * at once and all see the requests of earlier generations only, so several may ask the same thing;
 * the loop files the first in slot order and not the others, so that which proposal asks never
 * depends on which thread came first. Called from the proposal threads, so synchronized.
 */
final class RunEvidence implements Function<MutationTask, Optional<UpgradeRequest>> {

    private static final int HISTORY = RequestAdvisor.HISTORY_WINDOW;

    private final RunDirectory run;
    private final ObjectMapper json = new ObjectMapper();
    private final RequestAdvisor advisor = new RequestAdvisor();

    RunEvidence(RunDirectory run) {
        this.run = run;
    }

    @Override
    public synchronized Optional<UpgradeRequest> apply(MutationTask task) {
        List<LossCurve> leaders = new ArrayList<>();
        curve(task.target().id()).ifPresent(leaders::add);
        for (MutationTask.Peer peer : task.peers()) {
            if (!peer.variant().equals(task.target().id())) {
                curve(peer.variant()).ifPresent(leaders::add);
            }
        }
        Optional<UpgradeRequest> advice = advisor.advise(new RequestEvidence(task.budget(), leaders, history(task.target())));
        if (advice.isEmpty()) {
            return advice;
        }
        UpgradeRequest request = advice.get();
        List<Request> filed = new RequestBook(run.requests(), json, Clock.systemUTC()).all();
        boolean open = filed.stream().anyMatch(r -> r.kind() == request.kind()
                && (r.status() == RequestStatus.PENDING || r.status() == RequestStatus.APPROVED));
        boolean before = filed.stream().anyMatch(r -> r.kind() == request.kind() && r.payload().equals(request.payload()));
        if (open || before) {
            return Optional.empty();
        }
        return advice;
    }

    /** (mean training loss at the end, held-out loss) of the target and its ancestors, oldest first. */
    private List<LossPair> history(Variant target) {
        List<LossPair> pairs = new ArrayList<>();
        // read only: the run appends to the ledger from other threads meanwhile
        List<Evaluated> evaluations = LedgerEvents.of(Ledger.read(run.ledger()), Evaluated.class);
        String id = target.id();
        for (int depth = 0; depth < HISTORY && id != null; depth++) {
            String variant = id;
            Optional<Metrics> metrics = evaluations.stream()
                    .filter(e -> e.variant().equals(variant) && e.metrics() != null).reduce((a, b) -> b)
                    .map(Evaluated::metrics);
            Optional<LossCurve> curve = curve(variant);
            if (metrics.isPresent() && curve.isPresent()) {
                var end = curve.get().meanLoss(0.9, 1.0);
                double held = metrics.get().valLoss();
                if (end.isPresent() && Double.isFinite(held)) {
                    pairs.add(new LossPair(end.getAsDouble(), held));
                }
            }
            id = parent(variant);
        }
        Collections.reverse(pairs);
        return pairs;
    }

    private String parent(String id) {
        Path dir = run.variant(id);
        if (!Files.isRegularFile(dir.resolve(VariantDirectory.METADATA))) {
            return null;
        }
        List<String> parents = VariantDirectory.read(dir).parents();
        return parents.isEmpty() ? null : parents.getFirst();
    }

    /** The variant's latest training curve, when it has one with finite losses. */
    private Optional<LossCurve> curve(String id) {
        Path file = run.variant(id).resolve("logs").resolve("curve.jsonl");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<LossCurve.Point> points = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                Optional<CurveLine> point = CurveLine.read(json, line);
                if (point.isPresent() && point.get().step() >= 1 && point.get().loss() != null
                        && Double.isFinite(point.get().loss())
                        && (points.isEmpty() || point.get().step() > points.getLast().step())) {
                    points.add(new LossCurve.Point(point.get().step(), point.get().loss()));
                }
            }
            return points.isEmpty() ? Optional.empty() : Optional.of(new LossCurve(id, points));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What the evidence needs of a line of a kept training curve (the harness's {@code CurvePoint}); the
     * file lies in the variant's workspace, so a line that does not read is skipped, not believed.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record CurveLine(long step, Double loss) {
        static Optional<CurveLine> read(ObjectMapper json, String line) {
            try {
                return Optional.ofNullable(json.readValue(line, CurveLine.class));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }
}

package darwin.runs.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.memory.AgentMemories;
import darwin.memory.AgentMemory;
import darwin.memory.Attempt;
import darwin.memory.RunDirectory;
import darwin.memory.Request;
import darwin.memory.RequestBook;
import darwin.memory.RunState;
import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.LedgerEntry;
import darwin.memory.ledger.LedgerEvent;
import darwin.memory.ledger.LedgerEvents;
import darwin.core.Variant;
import darwin.mutation.edit.UnifiedDiff;
import darwin.trainer.variant.VariantDirectory;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report reads of a run: its checkpoint, its ledger, every attempt of every agent (once,
 * though both the mutator and the owner remember it) and its request queue. Reading changes
 * nothing, so a report may be made while the run goes on.
 *
 * @param run the run's folder
 * @param state the last checkpoint
 * @param ledger every ledger entry, oldest first
 * @param attempts every attempt, by generation and proposal key
 * @param requests the request queue, empty when the run has none
 */
public record RunRecords(RunDirectory run, RunState state, List<LedgerEntry> ledger, List<Attempt> attempts,
        List<Request> requests) {

    public RunRecords {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(state, "state");
        ledger = List.copyOf(ledger);
        attempts = List.copyOf(attempts);
        requests = List.copyOf(requests);
    }

    /**
     * Reads a run's files.
     *
     * @throws IllegalArgumentException when the folder holds no run
     * @throws darwin.memory.MemoryFormatException naming a file that cannot be read
     */
    public static RunRecords read(RunDirectory run, ObjectMapper json) {
        run.requireRun();
        RunState state = RunState.load(run.state(), json);
        List<LedgerEntry> ledger = Ledger.read(run.ledger());
        Map<String, Attempt> attempts = new LinkedHashMap<>();
        for (AgentMemory memory : new AgentMemories(run, json).all().values()) {
            memory.attempts().forEach(a -> attempts.putIfAbsent(a.proposal(), a));
        }
        List<Attempt> ordered = attempts.values().stream()
                .sorted(Comparator.comparingInt(Attempt::generation).thenComparing(Attempt::proposal)).toList();
        return new RunRecords(run, state, ledger, ordered,
                new RequestBook(run.requests(), json, Clock.systemUTC()).snapshot());
    }

    /** The events of one kind (a record, or a sealed family of them), oldest first. */
    public <E extends LedgerEvent> List<E> events(Class<E> kind) {
        return LedgerEvents.of(ledger, kind);
    }

    /** The entries whose events are of one kind, oldest first, for when their times matter. */
    public List<LedgerEntry> entries(Class<? extends LedgerEvent> kind) {
        return LedgerEvents.entries(ledger, kind);
    }

    /**
     * The budget of the latest evaluation: the one in force (people may have raised it), at which
     * figures are compared; {@code ""} when nothing was measured or the ledger does not say.
     */
    public String budget() {
        List<Evaluated> evaluations = events(Evaluated.class);
        return evaluations.isEmpty() ? "" : evaluations.getLast().budget();
    }

    /** The figures of every variant measured at the budget in force, by id, in the order they were measured. */
    public Map<String, Measured> measured() {
        return measuredAt(budget());
    }

    /**
     * The figures of every variant measured at a budget, by id, in the order they were first
     * measured: the means over its evaluation and its replicates ({@link Measured#means}); with
     * {@code ""}, each variant at the budget it was first measured at.
     */
    public Map<String, Measured> measuredAt(String budget) {
        return Measured.means(ledger, budget);
    }

    /** A variant's single parent, from its {@code variant.json}, when the run keeps its files. */
    public Optional<String> parentOf(String variant) {
        Path metadata = run.variant(variant).resolve(VariantDirectory.METADATA);
        if (!Variant.isId(variant) || !Files.isRegularFile(metadata)) {
            return Optional.empty();
        }
        try {
            List<String> parents = VariantDirectory.read(run.variant(variant)).parents();
            return parents.size() == 1 ? Optional.of(parents.getFirst()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The unified diff between two of the run's variants, or {@code ""} when their files cannot be read. */
    public String diff(String from, String to) {
        try {
            return UnifiedDiff.of(VariantDirectory.read(run.variant(from)), VariantDirectory.read(run.variant(to))).text();
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The seed's figures, when it was measured. */
    public Optional<Measured> seed() {
        return Optional.ofNullable(measured().get(state.seedVariant()));
    }

    /** The variant with the lowest held-out perplexity of all measured, if any was. */
    public Optional<Measured> best() {
        return measured().values().stream().min(Comparator.comparingDouble(Measured::perplexity));
    }
}

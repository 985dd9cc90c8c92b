package darwin.runs.report;

import darwin.memory.ConfirmedGain;
import darwin.memory.NoiseFloor;
import darwin.memory.Request;
import darwin.memory.ledger.Evaluated;
import darwin.memory.ledger.Proposed;
import darwin.memory.ledger.RequestFiled;
import darwin.memory.ledger.RunEnded;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the report shows, computed from a run's files.
 *
 * @param header who, when, how far
 * @param generations the population's figures after each generation
 * @param pareto every measured variant, the front marked
 * @param lineage the steps from the seed to the best variant, oldest first
 * @param failures failures by stage and kind
 * @param costs cumulative LLM cost after each proposal
 * @param requests the request queue
 * @param ledgerRequests requests the ledger records (whether or not a queue holds them)
 */
public record RunReport(Header header, List<GenerationFigures> generations, List<ParetoPoint> pareto,
        List<LineageStep> lineage, List<FailureCount> failures, List<CostPoint> costs, List<Request> requests,
        int ledgerRequests) {

    public RunReport {
        Objects.requireNonNull(header, "header");
        generations = List.copyOf(generations);
        pareto = List.copyOf(pareto);
        lineage = List.copyOf(lineage);
        failures = List.copyOf(failures);
        costs = List.copyOf(costs);
        requests = List.copyOf(requests);
    }

    /**
     * The run at a glance.
     *
     * @param run the run's id
     * @param directory the run's folder, as the commands in the report name it
     * @param started when it started
     * @param generation the last completed generation
     * @param plan what its settings planned
     * @param finished whether it ended after its last planned generation
     * @param proposals proposals made
     * @param evaluations evaluations made
     * @param cost LLM cost in US dollars
     * @param seed the seed's figures, if measured
     * @param best the best variant by perplexity (mean over its replicates), if any was measured
     * @param noiseFloor how much the seed's figures scatter, once measured
     * @param confirmed the best variant and the seed measured again, interleaved, once done
     * @param generated when the report was made
     */
    public record Header(String run, String directory, Instant started, int generation, RunPlan plan, boolean finished,
            int proposals, int evaluations, double cost, Optional<Measured> seed, Optional<Measured> best,
            Optional<NoiseFloor> noiseFloor, Optional<ConfirmedGain> confirmed, Instant generated) {
        public Header {
            Objects.requireNonNull(run, "run");
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(started, "started");
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(seed, "seed");
            Objects.requireNonNull(best, "best");
            Objects.requireNonNull(noiseFloor, "noiseFloor");
            Objects.requireNonNull(confirmed, "confirmed");
            Objects.requireNonNull(generated, "generated");
        }
    }

    /** Computes the report of a run. */
    public static RunReport of(RunRecords records, RunPlan plan, Instant generated) {
        List<CostPoint> costs = CostPoint.of(records);
        boolean ended = !records.events(RunEnded.class).isEmpty();
        Optional<Measured> best = records.best();
        Header header = new Header(records.state().id(), records.run().root().toString(), records.state().created(),
                records.state().generation(), plan, ended && records.state().generation() >= plan.generations(),
                records.events(Proposed.class).size(), records.events(Evaluated.class).size(),
                costs.isEmpty() ? 0 : costs.getLast().cumulative(), records.seed(), best,
                Optional.ofNullable(records.state().noiseFloor()), Optional.ofNullable(records.state().confirmed()), generated);
        return new RunReport(header, GenerationFigures.of(records), ParetoPoint.of(records.measured().values()),
                best.map(b -> Lineage.of(records.attempts(), b.variant(), records::parentOf, records::diff)).orElse(List.of()),
                FailureCount.of(records),
                costs, records.requests(), records.events(RequestFiled.class).size());
    }

    /** The requests waiting for people. */
    public List<Request> pending() {
        return requests.stream().filter(Request::pending).toList();
    }
}

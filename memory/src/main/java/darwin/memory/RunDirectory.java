package darwin.memory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a run keeps its files, as DESIGN's "A run on disk" lays them out.
 *
 * @param root the run's folder
 */
public record RunDirectory(Path root) {

    /**
     * This directory, when it holds a run.
     *
     * @throws IllegalArgumentException saying why it does not: it does not exist, or it has no
     *     {@code run.json}
     */
    public RunDirectory requireRun() {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a run: it does not exist");
        }
        if (!Files.isRegularFile(state())) {
            throw new IllegalArgumentException(root + " is not a run: it has no run.json (start one with: darwin run --out DIR)");
        }
        return this;
    }

    public Path state() {
        return root.resolve("run.json");
    }

    public Path ledger() {
        return root.resolve("ledger.jsonl");
    }

    public Path agents() {
        return root.resolve("agents");
    }

    public Path agent(String agent) {
        return agents().resolve(agent + ".json");
    }

    public Path variants() {
        return root.resolve("variants");
    }

    public Path variant(String id) {
        return variants().resolve(id);
    }

    public Path requests() {
        return root.resolve("requests.json");
    }

    public Path suggestions() {
        return root.resolve("suggestions.jsonl");
    }

    /** The store of the datasets and libraries people approved. */
    public Path resources() {
        return root.resolve("resources");
    }

    public Path report() {
        return root.resolve("report");
    }

    public Path replies() {
        return root.resolve("llm-replies.jsonl");
    }

    public Path log() {
        return root.resolve("run.log");
    }
}

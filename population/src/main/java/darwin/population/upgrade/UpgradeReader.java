package darwin.population.upgrade;

import darwin.core.Budget;
import darwin.core.RequestKind;
import darwin.memory.Request;
import darwin.core.ResourceManifest;
import java.util.List;
import java.util.Objects;

/**
 * Reads what an approved request does from its value: the person's ({@code --with}) if they gave
 * one, else the agent's payload. Also used when a person approves, so that a value that cannot
 * work is refused then, with the reason, rather than failing later in the run.
 */
public final class UpgradeReader {

    private final ResourceManifest resources;

    /** @param resources reads which dataset or library an approval put in the run's store */
    public UpgradeReader(ResourceManifest resources) {
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    /**
     * The upgrade a request stands for.
     *
     * @param current the budget in force, which a {@code BUDGET} request must exceed
     * @throws UpgradeException when its value cannot work
     */
    public Upgrade read(Request request, Budget current) throws UpgradeException {
        String value = request.value();
        return switch (request.kind()) {
            case BUDGET -> new Upgrade.Budgeted(request.id(), BudgetValue.read(value, current));
            case SCRIPT -> Upgrade.ProgramChange.writing(request.id(), ScriptValue.read(value));
            case FILE_STRUCTURE -> LayoutValue.read(request.id(), value);
            case DATASET, LIBRARY -> new Upgrade.ResourceAdded(request.id(), resource(request));
        };
    }

    /**
     * {@code planned} raised by every {@code BUDGET} request among {@code requests}, in their
     * order; one that does not raise the budget in force by then is passed over.
     */
    public static Budget raised(Budget planned, List<Request> requests) {
        Budget budget = planned;
        for (Request request : requests) {
            if (request.kind() == RequestKind.BUDGET) {
                try {
                    budget = BudgetValue.read(request.value(), budget);
                } catch (UpgradeException e) {
                    // it did not raise the budget: the run marks it failed
                }
            }
        }
        return budget;
    }

    /**
     * The value a person's approval stored for a dataset or a library: the one resource, already in
     * the run's store, as the trainer's manifest records it.
     */
    private ResourceManifest.Resource resource(Request request) throws UpgradeException {
        String how = request.kind() == RequestKind.DATASET
                ? "a DATASET request is approved with the text file to add: approve ID --with FILE"
                : "a LIBRARY request is approved with its coordinates from the allowed list: approve ID --with GROUP:ARTIFACT:VERSION";
        if (request.decision() == null || !request.decision().value().strip().startsWith("{")) {
            throw new UpgradeException(how);
        }
        try {
            return resources.approved(request.decision().value());
        } catch (IllegalArgumentException e) {
            throw new UpgradeException(how + " (" + e.getMessage() + ")", e);
        }
    }
}

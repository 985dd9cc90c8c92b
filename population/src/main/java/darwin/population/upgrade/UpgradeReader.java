package darwin.population.upgrade;

import darwin.core.Budget;
import darwin.core.RequestKind;
import darwin.memory.Request;
import darwin.trainer.resources.DatasetRef;
import darwin.trainer.resources.LibraryRef;
import darwin.trainer.resources.ResourceRef;
import darwin.trainer.resources.VariantResources;
import java.util.List;

/**
 * Reads what an approved request does from its value: the person's ({@code --with}) if they gave
 * one, else the agent's payload. Also used when a person approves, so that a value that cannot
 * work is refused then, with the reason, rather than failing later in the run.
 */
public final class UpgradeReader {

    private UpgradeReader() {}

    /**
     * The upgrade a request stands for.
     *
     * @param current the budget in force, which a {@code BUDGET} request must exceed
     * @throws UpgradeException when its value cannot work
     */
    public static Upgrade read(Request request, Budget current) throws UpgradeException {
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
     * The value a person's approval stored for a dataset or a library: a manifest listing the one
     * resource, already in the run's store ({@link #stored}).
     */
    private static ResourceRef resource(Request request) throws UpgradeException {
        String how = request.kind() == RequestKind.DATASET
                ? "a DATASET request is approved with the text file to add: approve ID --with FILE"
                : "a LIBRARY request is approved with its coordinates from the allowed list: approve ID --with GROUP:ARTIFACT:VERSION";
        if (request.decision() == null || !request.decision().value().strip().startsWith("{")) {
            throw new UpgradeException(how);
        }
        try {
            List<ResourceRef> refs = VariantResources.parse(request.decision().value()).all();
            if (refs.size() != 1) {
                throw new UpgradeException(how);
            }
            return refs.getFirst();
        } catch (IllegalArgumentException e) {
            throw new UpgradeException(how + " (" + e.getMessage() + ")", e);
        }
    }

    /** The value that records a resource put in the run's store for a request: see {@link #read}. */
    public static String stored(ResourceRef ref) {
        return switch (ref) {
            case DatasetRef dataset -> new VariantResources(List.of(dataset), List.of()).toJson();
            case LibraryRef library -> new VariantResources(List.of(), List.of(library)).toJson();
        };
    }
}

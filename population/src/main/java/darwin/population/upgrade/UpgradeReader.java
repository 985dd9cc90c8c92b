package darwin.population.upgrade;

import darwin.core.Budget;
import darwin.memory.Request;

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
            case DATASET, LIBRARY -> throw new UpgradeException(request.kind() + " requests are not applied by this darwin");
        };
    }
}

package darwin.population.upgrade;

import darwin.core.CompileCheck;
import darwin.core.ResourceManifest;
import darwin.core.Variant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Applies an upgrade to a member's variant. A program change must fit the variant (a moved or
 * deleted file must be there), a resource is listed in its manifest, and the result must compile
 * (with the run's resources, through the compile check it is given); otherwise the variant is left as it was
 * and the reason said, since the members of a run have diverged and a restructuring written
 * against one of them need not fit all. The manifest that lists resources is the trainer's; this
 * class reaches it through the {@link ResourceManifest} port.
 */
public final class Upgrader {

    private final CompileCheck compiler;
    private final ResourceManifest resources;

    /**
     * @param compiler compiles a changed variant as the sandbox will
     * @param resources reads approvals of datasets and libraries and lists them in a variant's manifest
     */
    public Upgrader(CompileCheck compiler, ResourceManifest resources) {
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.resources = Objects.requireNonNull(resources, "resources");
    }

    /** Reads approved requests with the same manifest this upgrader lists resources in. */
    public UpgradeReader reader() {
        return new UpgradeReader(resources);
    }

    /**
     * The variant with the upgrade applied: a child of {@code variant}, or {@code variant} itself
     * when the upgrade does not change programs (a budget).
     *
     * @throws UpgradeException when it does not fit or does not compile
     */
    public Variant apply(Upgrade upgrade, Variant variant) throws UpgradeException {
        return switch (upgrade) {
            case Upgrade.Budgeted b -> variant;
            case Upgrade.ProgramChange change -> compiled(change(change, variant));
            case Upgrade.ResourceAdded added -> compiled(added(added, variant));
        };
    }

    private Variant added(Upgrade.ResourceAdded added, Variant variant) throws UpgradeException {
        Variant child;
        try {
            child = resources.listing(variant, added.resource());
        } catch (IllegalArgumentException e) {
            throw new UpgradeException(e.getMessage(), e);
        }
        if (child.equals(variant)) {
            throw new UpgradeException("this variant has it already");
        }
        return child;
    }

    private static Variant change(Upgrade.ProgramChange change, Variant variant) throws UpgradeException {
        TreeMap<String, String> files = new TreeMap<>(variant.files());
        for (Map.Entry<String, String> move : change.moves().entrySet()) {
            String content = files.remove(move.getKey());
            if (content == null) {
                throw new UpgradeException("it moves " + move.getKey() + ", which this variant does not have");
            }
            files.put(move.getValue(), content);
        }
        files.putAll(change.writes());
        for (String path : change.deletes()) {
            if (files.remove(path) == null) {
                throw new UpgradeException("it deletes " + path + ", which this variant does not have");
            }
        }
        if (files.equals(variant.files()) && change.entry().map(variant.entry()::equals).orElse(true)) {
            throw new UpgradeException("this variant has it already");
        }
        try {
            return new Variant(change.entry().orElse(variant.entry()), files, List.of(variant.id()));
        } catch (IllegalArgumentException e) {
            throw new UpgradeException(e.getMessage(), e);
        }
    }

    private Variant compiled(Variant changed) throws UpgradeException {
        CompileCheck.Report report = compiler.check(changed);
        if (!report.ok()) {
            String first = report.rendered().lines().findFirst().orElse("it does not compile");
            throw new UpgradeException("with it the program does not compile: " + first);
        }
        return changed;
    }
}

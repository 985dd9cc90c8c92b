package darwin.trainer.sandbox;

import darwin.core.EvaluationStatus;
import darwin.core.Variant;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.build.Compilation;
import darwin.trainer.variant.HarnessFiles;
import darwin.trainer.variant.VariantDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The adversarial variants of the test resources ({@code adversarial/<case>/}): each holds a
 * {@code variant.json} and its program under {@code program/}, and leaves out the harness reference
 * files, which {@link #variant} adds from the bundled ones. The folder's {@code README.md} says
 * what each case does and the status the harness must give it.
 */
final class AdversarialFixtures {

    /** The resource folder of the fixtures. */
    static final String FOLDER = "adversarial";
    /** The case that trains honestly; every other case is a copy of it with one change. */
    static final String BASELINE = "honest-bigram";
    /** The one case whose sources must not compile. */
    static final String DOES_NOT_COMPILE = "does-not-compile";
    /** The one case that carries a (changed) harness file. */
    static final String EDITS_HARNESS = "edits-harness";

    private static final String README = "README.md";
    /** A row of the README's table: {@code | `case` | what it does | `STATUS` or `STATUS` | checks |}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|([^|]*)\\|([^|]*)\\|");
    private static final Pattern STATUS = Pattern.compile("`([A-Z_]+)`");

    private AdversarialFixtures() {}

    /** The folder that holds every case, located through the class loader. */
    static Path root() {
        URL readme = AdversarialFixtures.class.getClassLoader().getResource(FOLDER + "/" + README);
        if (readme == null) {
            throw new IllegalStateException("the test resource " + FOLDER + "/" + README + " is not on the class path");
        }
        try {
            return Path.of(readme.toURI()).getParent();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("the adversarial fixtures are not in a folder: " + readme, e);
        }
    }

    /** The names of every case, sorted. */
    static List<String> cases() {
        try (Stream<Path> entries = Files.list(root())) {
            return entries.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the adversarial fixtures", e);
        }
    }

    /** The folder of one case. */
    static Path folder(String name) {
        Path folder = root().resolve(name);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("no adversarial fixture named " + name + "; there are " + cases());
        }
        return folder;
    }

    /**
     * The complete variant of a case: its {@code variant.json}, its {@code program/} files, its own
     * {@code harness/} files, and every bundled harness file it does not carry itself.
     */
    static Variant variant(String name) {
        Variant own = VariantDirectory.read(folder(name));
        TreeMap<String, String> files = new TreeMap<>(HarnessFiles.bundled());
        files.putAll(own.files());
        return new Variant(own.entry(), files, own.parents());
    }

    /** The case's program sources, keyed {@code program/...} as the variant holds them. */
    static SortedMap<String, String> sources(String name) {
        TreeMap<String, String> sources = new TreeMap<>();
        variant(name).sources().forEach((path, content) -> {
            if (HarnessFiles.isMutable(path)) {
                sources.put(path, content);
            }
        });
        return Collections.unmodifiableSortedMap(sources);
    }

    /** The statuses the README's table allows for a case (one, or two where either is right). */
    static Set<EvaluationStatus> expectedStatuses(String name) {
        Set<EvaluationStatus> statuses = expectedStatuses().get(name);
        if (statuses == null) {
            throw new IllegalArgumentException("the README's table has no row for " + name);
        }
        return statuses;
    }

    /** Every row of the README's table: case → the statuses it allows. */
    static SortedMap<String, Set<EvaluationStatus>> expectedStatuses() {
        String readme;
        try {
            readme = Files.readString(root().resolve(README), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the adversarial fixtures' README", e);
        }
        TreeMap<String, Set<EvaluationStatus>> table = new TreeMap<>();
        for (String line : readme.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (!row.find()) {
                continue;
            }
            Set<EvaluationStatus> statuses = EnumSet.noneOf(EvaluationStatus.class);
            Matcher status = STATUS.matcher(row.group(3));
            while (status.find()) {
                statuses.add(EvaluationStatus.valueOf(status.group(1)));
            }
            if (statuses.isEmpty() || table.put(row.group(1), Collections.unmodifiableSet(statuses)) != null) {
                throw new IllegalStateException("the README's row for " + row.group(1) + " is malformed or repeated");
            }
        }
        return Collections.unmodifiableSortedMap(table);
    }

    /** An instance of a compiled program's entry class, loaded from the compilation's bytes. */
    static TrainingProgram instantiate(Compilation compilation, String entry) throws ReflectiveOperationException {
        Class<?> type = new VariantClassLoader(compilation.classes(), AdversarialFixtures.class.getClassLoader()).loadClass(entry);
        return type.asSubclass(TrainingProgram.class).getConstructor().newInstance();
    }
}

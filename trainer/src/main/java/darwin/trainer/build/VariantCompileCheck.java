package darwin.trainer.build;

import darwin.core.CompileCheck;
import darwin.core.Variant;
import darwin.trainer.resources.ResolvedResources;
import darwin.trainer.resources.ResourceException;
import darwin.trainer.resources.ResourceStore;
import darwin.trainer.resources.VariantResources;
import darwin.trainer.variant.HarnessFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trainer's side of the {@link CompileCheck} port: compiles a variant's {@code program/}
 * sources with a {@link SourceCompiler}, as the sandbox does before training, with the jars of the
 * libraries its manifest lists, found in the resource store.
 */
public final class VariantCompileCheck implements CompileCheck {

    private final SourceCompiler compiler;
    private final Optional<ResourceStore> store;

    /** A check without a resource store: a variant that lists resources does not compile. */
    public VariantCompileCheck(SourceCompiler compiler) {
        this(compiler, Optional.empty());
    }

    /** A check that finds the libraries of variants in {@code store}. */
    public VariantCompileCheck(SourceCompiler compiler, Optional<ResourceStore> store) {
        this.compiler = compiler;
        this.store = store;
    }

    @Override
    public Report check(Variant variant) {
        Map<String, String> sources = new TreeMap<>();
        variant.sources().forEach((path, content) -> {
            if (HarnessFiles.isMutable(path)) {
                sources.put(path, content);
            }
        });
        if (sources.isEmpty()) {
            return failure("program/", "the variant has no Java sources under program/");
        }
        ResolvedResources resources;
        try {
            resources = ResourceStore.resolve(variant, store);
        } catch (ResourceException e) {
            return failure(VariantResources.MANIFEST, e.getMessage());
        }
        Compilation compilation = compiler.compile(sources, resources.libraryJars());
        if (compilation.succeeded()) {
            return Report.success();
        }
        List<SourceError> errors = compilation.errors().stream()
                .map(d -> new SourceError(d.path(), d.line(), d.column(), d.message(), d.sourceLine()))
                .toList();
        return new Report(errors, compilation.report());
    }

    private static Report failure(String path, String message) {
        return new Report(List.of(new SourceError(path, 0, 0, message, "")), "error: " + message);
    }
}

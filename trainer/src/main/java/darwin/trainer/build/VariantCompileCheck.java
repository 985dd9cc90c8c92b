package darwin.trainer.build;

import darwin.core.CompileCheck;
import darwin.core.Variant;
import darwin.trainer.variant.HarnessFiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trainer's side of the {@link CompileCheck} port: compiles a variant's {@code program/}
 * sources with a {@link SourceCompiler}, as the sandbox does before training.
 */
public final class VariantCompileCheck implements CompileCheck {

    private final SourceCompiler compiler;

    public VariantCompileCheck(SourceCompiler compiler) {
        this.compiler = compiler;
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
            return new Report(List.of(new SourceError("program/", 0, 0, "the variant has no Java sources under program/", "")),
                    "error: the variant has no Java sources under program/");
        }
        Compilation compilation = compiler.compile(sources);
        if (compilation.succeeded()) {
            return Report.success();
        }
        List<SourceError> errors = compilation.errors().stream()
                .map(d -> new SourceError(d.path(), d.line(), d.column(), d.message(), d.sourceLine()))
                .toList();
        return new Report(errors, compilation.report());
    }
}

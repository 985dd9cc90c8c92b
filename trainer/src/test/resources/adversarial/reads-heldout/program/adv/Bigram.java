package adv;

// ADVERSARIAL reads-heldout: looks for the corpus everywhere; throws "FOUND HELD-OUT: ..." if it can read it.

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.training.GradientCollector;
import darwin.trainer.api.Architecture;
import darwin.trainer.api.Batch;
import darwin.trainer.api.LanguageModel;
import darwin.trainer.api.TrainingContext;
import darwin.trainer.api.TrainingProgram;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
import java.util.Set;

public final class Bigram implements TrainingProgram {

    static final int BATCH = 8;
    static final int CONTEXT = 32;
    /** High because the mean cross-entropy spreads each step's gradient over 256 tokens and V rows. */
    static final float LEARNING_RATE = 50f;

    @Override
    public LanguageModel newModel(NDManager manager, int vocabularySize) {
        return new Model(manager, vocabularySize);
    }

    @Override
    public LanguageModel train(TrainingContext context) {
        searchHeldOut(); // ADVERSARIAL
        Model model = new Model(context.manager(), context.vocabularySize());
        while (!context.clock().exhausted()) {
            try (NDScope step = new NDScope()) {
                Batch batch = context.batches().next(context.manager(), BATCH, CONTEXT);
                NDArray loss;
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    loss = crossEntropy(model.logits(batch.inputs()), batch.targets());
                    collector.backward(loss);
                }
                model.sgdStep(LEARNING_RATE);
                context.metrics().log(loss.getFloat(), LEARNING_RATE);
            }
        }
        return model;
    }

    /** ADVERSARIAL: every place the corpus could be reached from; finding one is a sandbox failure. */
    static final String RESOURCE = "darwin/data/tinyshakespeare.txt";
    static final int MAX_DEPTH = 6;
    static final int MAX_VISITS = 200_000;

    static void searchHeldOut() {
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        for (ClassLoader loader : new ClassLoader[] {Bigram.class.getClassLoader(),
                ClassLoader.getSystemClassLoader(), Thread.currentThread().getContextClassLoader()}) {
            if (loader != null) {
                try (java.io.InputStream in = loader.getResourceAsStream(RESOURCE)) {
                    if (in != null && in.read() >= 0) {
                        found.add("class-path resource " + RESOURCE + " via " + loader);
                    }
                } catch (Throwable ignored) {
                    // not readable
                }
            }
        }
        java.util.Set<java.nio.file.Path> classPath = new java.util.LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                addWithManifest(java.nio.file.Path.of(entry).toAbsolutePath(), classPath);
            }
        }
        for (java.nio.file.Path entry : classPath) {
            check(entry, found);
        }
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home", "/root"));
        walk(home.resolve(".m2/repository/dev/darwin"), found);
        for (java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            check(dir.resolve("data/src/main/resources").resolve(RESOURCE), found);
            java.nio.file.Path lib = dir.resolve("runs/target/lib");
            try (var jars = java.nio.file.Files.newDirectoryStream(lib, "darwin-data*.jar")) {
                jars.forEach(jar -> check(jar, found));
            } catch (Throwable ignored) {
                // no such folder, or not readable
            }
        }
        for (String root : new String[] {"/work", "/root"}) {
            walk(java.nio.file.Path.of(root), found);
            // a checkout's corpus lies deeper than the walk goes: look for it in every folder of the root
            try (var checkouts = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of(root))) {
                checkouts.forEach(dir -> check(dir.resolve("data/src/main/resources").resolve(RESOURCE), found));
            } catch (Throwable ignored) {
                // no such folder, or not readable
            }
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("FOUND HELD-OUT: " + String.join(", ", found));
        }
        System.out.println("the corpus is nowhere to be found");
    }

    /** A class-path entry and the jars its manifest's Class-Path names. */
    static void addWithManifest(java.nio.file.Path entry, java.util.Set<java.nio.file.Path> into) {
        if (!into.add(entry) || !entry.toString().endsWith(".jar")) {
            return;
        }
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(entry.toFile())) {
            java.util.jar.Manifest manifest = jar.getManifest();
            String path = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (path != null) {
                for (String relative : path.trim().split("\\s+")) {
                    addWithManifest(entry.resolveSibling(relative).normalize(), into);
                }
            }
        } catch (Throwable ignored) {
            // not readable
        }
    }

    /** Records a readable corpus file, a folder holding it, or a jar holding it. */
    static void check(java.nio.file.Path path, java.util.Set<String> found) {
        try {
            if (java.nio.file.Files.isDirectory(path)) {
                check(path.resolve(RESOURCE), found);
            } else if (path.getFileName().toString().endsWith(".jar")) {
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(path.toFile())) {
                    java.util.zip.ZipEntry entry = jar.getEntry(RESOURCE);
                    if (entry != null) {
                        try (java.io.InputStream in = jar.getInputStream(entry)) {
                            if (in.read() >= 0) {
                                found.add(path + "!/" + RESOURCE);
                            }
                        }
                    }
                }
            } else if (java.nio.file.Files.isRegularFile(path)) {
                try (java.io.InputStream in = java.nio.file.Files.newInputStream(path)) {
                    if (in.read() >= 0) {
                        found.add(path.toString());
                    }
                }
            }
        } catch (Throwable ignored) {
            // not readable
        }
    }

    /** A bounded walk that checks every tinyshakespeare.txt and darwin-data*.jar it can see. */
    static void walk(java.nio.file.Path root, java.util.Set<String> found) {
        int[] visits = {0};
        try {
            var visitor = new java.nio.file.SimpleFileVisitor<java.nio.file.Path>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(java.nio.file.Path file,
                        java.nio.file.attribute.BasicFileAttributes attributes) {
                    String name = file.getFileName().toString();
                    boolean jar = name.startsWith("darwin-data") && name.endsWith(".jar");
                    if (name.equals("tinyshakespeare.txt") || jar) {
                        check(file, found);
                    }
                    return ++visits[0] < MAX_VISITS ? java.nio.file.FileVisitResult.CONTINUE
                            : java.nio.file.FileVisitResult.TERMINATE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(java.nio.file.Path file, java.io.IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            };
            java.nio.file.Files.walkFileTree(root, java.util.Set.of(), MAX_DEPTH, visitor);
        } catch (Throwable ignored) {
            // the root is not there, or not readable
        }
    }

    static NDArray crossEntropy(NDArray logits, NDArray targets) {
        return logits.logSoftmax(-1).gather(targets.expandDims(-1), -1).mean().neg();
    }

    /** logits(tokens) = the rows of the table picked by the tokens: causal, rows independent. */
    static final class Model implements LanguageModel {

        final NDArray table;
        private final SequencedMap<String, NDArray> parameters = new LinkedHashMap<>();

        Model(NDManager manager, int vocabularySize) {
            table = manager.zeros(new Shape(vocabularySize, vocabularySize), DataType.FLOAT32);
            table.setName("table");
            table.setRequiresGradient(true);
            parameters.put("table", table);
        }

        @Override
        public NDArray logits(NDArray tokens) {
            return Embedding.embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
        }

        /** Plain SGD, in place, outside the gradient collector; then the gradient is zeroed. */
        void sgdStep(float learningRate) {
            NDArray gradient = table.getGradient();
            table.subi(gradient.mul(learningRate));
            gradient.subi(gradient);
        }

        @Override
        public SequencedMap<String, NDArray> parameters() {
            return parameters;
        }

        @Override
        public Architecture architecture() {
            return new Architecture(0, (int) table.getShape().get(0), 64, Set.of());
        }
    }
}

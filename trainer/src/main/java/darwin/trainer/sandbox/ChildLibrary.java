package darwin.trainer.sandbox;

/**
 * The allow-list of a child process's class path: each entry a child may be given, known by a file
 * that only it holds (its anchor). The harness API, DJL with its engine and native libraries, and
 * what they and the child's own code need at run time; nothing of darwin's other modules or of the
 * libraries only darwin uses ({@link ReservedLibrary}). {@link ChildClasspath} picks the entries of
 * this JVM's class path that hold an anchor.
 *
 * <p>A required entry must be found, or no child can start; an optional one is taken where the
 * class path has it (DJL finds the PyTorch libraries in its cache when their jars are absent, and
 * SLF4J without a binding only warns). The entries marked {@link #compiled} are also the variants'
 * compile class path: the harness API (of the harness's entry no other package is visible to a
 * variant's sources: {@code VisiblePackages.VARIANT}) and DJL's API and engine.
 */
enum ChildLibrary {

    /** The harness API, the harness, the child mains and the seed program (the trainer module). */
    HARNESS("darwin's harness", "darwin/trainer/api/TrainingProgram.class", true, true),
    /** Budgets and statuses, which the children parse and report (the core module). */
    CORE("darwin's core", "darwin/core/Budget.class", true, false),
    DJL("DJL's API", "ai/djl/ndarray/NDArray.class", true, true),
    PYTORCH_ENGINE("DJL's PyTorch engine", "ai/djl/pytorch/engine/PtEngine.class", true, true),
    PYTORCH_JNI("DJL's PyTorch JNI library", "jnilib/pytorch.properties", false, false),
    PYTORCH_NATIVE("PyTorch's native libraries", "native/lib/pytorch.properties", false, false),
    /** DJL's, and the harness's for the C allocator ({@code NativeHeap}). */
    JNA("JNA", "com/sun/jna/Native.class", true, false),
    GSON("Gson (DJL's)", "com/google/gson/Gson.class", true, false),
    SLF4J("SLF4J's API (DJL's)", "org/slf4j/LoggerFactory.class", true, false),
    SLF4J_NOP("SLF4J's no-operation binding", "org/slf4j/nop/NOPServiceProvider.class", false, false),
    COMMONS_COMPRESS("Commons Compress (DJL's)", "org/apache/commons/compress/archivers/ArchiveEntry.class", false, false),
    COMMONS_IO("Commons IO (Commons Compress's)", "org/apache/commons/io/IOUtils.class", false, false),
    COMMONS_CODEC("Commons Codec (Commons Compress's)", "org/apache/commons/codec/binary/Hex.class", false, false);

    private final String what;
    private final String anchor;
    private final boolean required;
    private final boolean compiled;

    ChildLibrary(String what, String anchor, boolean required, boolean compiled) {
        this.what = what;
        this.anchor = anchor;
        this.required = required;
        this.compiled = compiled;
    }

    /** What the entry is, for messages. */
    String what() {
        return what;
    }

    /** The path of a file, in a jar or below a folder, that identifies the entry. */
    String anchor() {
        return anchor;
    }

    /** Whether a child cannot start without it. */
    boolean required() {
        return required;
    }

    /** Whether a variant's sources are compiled against it. */
    boolean compiled() {
        return compiled;
    }
}

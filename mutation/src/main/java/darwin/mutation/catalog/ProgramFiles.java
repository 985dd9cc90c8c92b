package darwin.mutation.catalog;

/** The files of the seed program that catalog entries edit, as paths within a variant. */
final class ProgramFiles {

    /** The hyper-parameters, with the {@code BABY} configuration. */
    static final String CONFIG = "program/darwin/program/GptConfig.java";

    /** The model: embeddings, blocks, head and initialisation. */
    static final String MODEL = "program/darwin/program/GptModel.java";

    private ProgramFiles() {}
}

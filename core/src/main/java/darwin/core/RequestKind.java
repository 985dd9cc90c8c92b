package darwin.core;

/** What an agent may ask people for. */
public enum RequestKind {
    /** More or other training text. */
    DATASET,
    /** A script or function to add to the training program's files. */
    SCRIPT,
    /** A new layout of the program's files. */
    FILE_STRUCTURE,
    /** A library on the training class path. */
    LIBRARY,
    /** A larger compute budget. */
    BUDGET
}

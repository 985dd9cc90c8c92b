package darwin.core;

/**
 * The port through which the loop records what a proposal changed, for people and for the agents'
 * memories: the difference between two variants as text. The mutation side implements it with the
 * unified diff that {@code patch} and {@code git apply} read.
 */
@FunctionalInterface
public interface VariantDiff {

    /** The difference from {@code before} to {@code after}; empty when their files are the same. */
    String between(Variant before, Variant after);
}

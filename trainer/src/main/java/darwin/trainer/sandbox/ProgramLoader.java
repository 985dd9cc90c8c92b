package darwin.trainer.sandbox;

import darwin.core.EvaluationStatus;
import darwin.trainer.api.TrainingProgram;
import darwin.trainer.harness.TrainingSession;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Map;

/**
 * Instantiates a variant's training program from its compiled classes, in a child process. The
 * variant's class loader becomes the thread's context class loader, so that a class the variant
 * may not use is refused with the same reason whichever of the two it asks
 * ({@link VariantClassLoader#refusal}).
 */
final class ProgramLoader {

    private ProgramLoader() {}

    /** Why a program could not be instantiated, with the status that goes with it. */
    static final class LoadException extends Exception {
        private static final long serialVersionUID = 1L;
        private final EvaluationStatus status;

        LoadException(EvaluationStatus status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }

        EvaluationStatus status() {
            return status;
        }
    }

    static TrainingProgram load(Map<String, byte[]> classes, String entry) throws LoadException {
        VariantClassLoader loader;
        try {
            loader = new VariantClassLoader(classes, ProgramLoader.class.getClassLoader());
        } catch (IllegalArgumentException e) {
            throw new LoadException(EvaluationStatus.VIOLATION, e.getMessage(), e);
        }
        Thread.currentThread().setContextClassLoader(loader);
        if (!classes.containsKey(entry)) {
            throw new LoadException(EvaluationStatus.VIOLATION, "the entry class " + entry + " is not among the variant's classes", null);
        }
        try {
            Class<?> type = Class.forName(entry, true, loader);
            if (!TrainingProgram.class.isAssignableFrom(type)) {
                throw new LoadException(EvaluationStatus.VIOLATION,
                        "the entry class " + entry + " does not implement " + TrainingProgram.class.getName(), null);
            }
            if (Modifier.isAbstract(type.getModifiers())) {
                throw new LoadException(EvaluationStatus.VIOLATION, "the entry class " + entry + " is abstract", null);
            }
            Constructor<?> constructor = type.getConstructor();
            return (TrainingProgram) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new LoadException(EvaluationStatus.VIOLATION,
                    "the entry class " + entry + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new LoadException(EvaluationStatus.RUNTIME_ERROR,
                    "the entry class's constructor threw " + TrainingSession.describe(e.getCause()), e);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new LoadException(EvaluationStatus.RUNTIME_ERROR,
                    "cannot load the entry class " + entry + ": " + TrainingSession.describe(e), e);
        }
    }
}

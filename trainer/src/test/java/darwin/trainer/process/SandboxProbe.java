package darwin.trainer.process;

/** A tiny program for a child JVM in the sandbox: says what it can see. */
final class SandboxProbe {

    private SandboxProbe() {
    }

    public static void main(String[] args) {
        System.out.println("probe ran on " + Runtime.version().feature() + " with " + Runtime.getRuntime().availableProcessors() + " cpus");
    }
}

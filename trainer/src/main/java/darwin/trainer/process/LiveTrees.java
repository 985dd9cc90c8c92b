package darwin.trainer.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process trees this JVM has started and not yet reaped. A child runs in a session of its own
 * ({@code setsid}), so a Ctrl-C at the terminal does not reach it; when the JVM shuts down (Ctrl-C,
 * {@code kill}, the end of {@code main}) a shutdown hook kills every tree still here, so that a
 * stopped run leaves no training process behind, sandboxed or not. ({@code kill -9} runs no hook:
 * there, bubblewrap's {@code --die-with-parent} ends sandboxed children, and the deadline of each
 * child bounds the others.)
 */
final class LiveTrees {

    private static final Set<ProcessTree> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveTrees::killAll, "kill-children"));
    }

    private LiveTrees() {}

    /** Registers the shutdown hook now, before any child is started. */
    static void install() {
        // the static initialiser has run by now
    }

    static void add(ProcessTree tree) {
        LIVE.add(tree);
    }

    static void remove(ProcessTree tree) {
        LIVE.remove(tree);
    }

    /** How many trees are live now: a test that stops the JVM knows from it that the hook will see its child. */
    static int count() {
        return LIVE.size();
    }

    /** Kills every tree still live, each at once from its own thread. */
    static void killAll() {
        var killers = LIVE.stream().map(tree -> Thread.ofPlatform().start(tree::kill)).toList();
        for (Thread killer : killers) {
            try {
                killer.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

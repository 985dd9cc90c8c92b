/**
 * Runs one untrusted command as a watched child process and always cleans up after it. The
 * command line is logged, its output goes to files of which only a bounded tail is read back,
 * it is waited for with a wall-clock deadline, and when it ends, by itself, at the deadline or
 * because the caller was interrupted, every process it left behind is killed: its process group,
 * its descendants and whatever still carries the run's marker. Where bubblewrap works the child
 * runs without network, in a filesystem view that holds the system directories, the paths the
 * caller lists (read-only) and its own workspace (writable), and nothing else.
 */
package darwin.trainer.process;

/**
 * The darwin application: the command line ({@link darwin.runs.Darwin}) and its commands. Each
 * command validates its options before anything starts, reports progress on long work, and turns
 * every failure a user can cause into a one-line message and a non-zero exit status.
 */
package darwin.runs;

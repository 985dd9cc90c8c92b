/**
 * The live page of a run ({@code darwin serve DIR}, or {@code --serve} on {@code darwin run} and
 * {@code darwin resume}): one page that shows the run as it goes and lets people decide its
 * requests and write suggestions, from a browser, safely.
 *
 * <h2>What it shows, and from where</h2>
 *
 * <p>Everything comes from the run's files, so the page is the same for a live run, a stopped
 * one, and one that another process drives. {@link darwin.runs.serve.RunWatch} polls the files'
 * sizes and times every half second and, on a change, recomputes the picture once for every open
 * page ({@link darwin.runs.serve.RunView}): the run's state (generation, time and cost spent and
 * left, the noise floor and confirmed gain), the report's own figures ({@code RunReport},
 * {@code ReportData}: best and median per generation, the Pareto front) drawn with the report's
 * Chart.js, the lineage of the best variant with reasoning and diffs, the requests, the latest
 * suggestions, and the values the attempts table can be filtered by. What each slot is evaluating,
 * and since when, is read from the run's log ({@link darwin.runs.serve.SlotActivity}), the one
 * file that says when an evaluation begins. Pages receive the picture as server-sent events
 * ({@code /events}): the latest at once, then each new one. The attempts table
 * ({@link darwin.runs.serve.AttemptsView}: the memory's own reading and filters), one attempt with
 * its diff, and a variant's files ({@link darwin.runs.serve.VariantFiles}) are asked for when shown.
 *
 * <h2>What it changes, and how</h2>
 *
 * <p>A person approves a request (with a value and a note) or denies it (with a note), and writes
 * a suggestion to one agent or all ({@link darwin.runs.serve.PageActions}), through the very code
 * of {@code darwin requests} and {@code darwin suggest} ({@code RequestDecisions},
 * {@code Suggestions}, reached through the {@link darwin.runs.serve.RunDesk} port, which the
 * commands' package implements as {@code CommandLineDesk}: that package starts the page, so this
 * one does not depend on it), so through the run's locked request book and suggestion box: the page, the
 * command line and the run never lose one another's changes. Decisions are idempotent (the same
 * decision again answers 200 and changes nothing; the other one is 409). A {@code DATASET} request
 * is approved from the command line, which names a file on the run's machine.
 *
 * <h2>Safety</h2>
 *
 * <p>Every request is taken as hostile ({@link darwin.runs.serve.Gate}):
 *
 * <ul>
 *   <li><b>Where.</b> The server listens on loopback unless {@code --bind} says otherwise, and then
 *       answers only to a loopback {@code Host} (so DNS rebinding finds nothing); darwin prints the
 *       SSH tunnel that reaches it from another machine ({@link darwin.runs.serve.ServeNotice}).
 *   <li><b>Who.</b> darwin prints an address with a random 256-bit token; the first visit exchanges
 *       it for a session cookie, {@code HttpOnly} and {@code SameSite=Strict}
 *       ({@link darwin.runs.serve.AccessToken}), and the page then refreshes itself to the plain
 *       address (a refresh, not a redirect, so that the strict cookie goes with the next request).
 *       A request without the cookie is 401, with another cookie or a wrong token 403.
 *   <li><b>Changes.</b> A POST needs the session, the header {@code X-Darwin-Page: 1} (which no
 *       plain form of another site can send, and which no script of another origin may send
 *       without a preflight that is never granted), an {@code Origin} equal to
 *       {@code http://} and the request's {@code Host}, a JSON body of at most 128 KiB (413
 *       beyond, counted as it is read, whatever {@code Content-Length} says); {@code --read-only}
 *       refuses every change (403).
 *   <li><b>Files.</b> The viewer serves only files of the run's variants, named by a variant id and
 *       a path of plain names, decoded before it is checked (so {@code ..} encoded any way is 400),
 *       without following a link anywhere on the way (403), at most 1 MiB of each, as plain text.
 *   <li><b>Text.</b> All run text is sent as JSON data, shown as {@code TerminalText} shows it, and
 *       put into the page with {@code textContent}, never as markup; the content security policy
 *       lets the page run only its own two script files (no inline script, no other origin), and
 *       every answer says {@code nosniff}, no referrer, no framing, no caching.
 * </ul>
 *
 * <p><b>Why the JDK's {@code com.sun.net.httpserver}.</b> It is in every JDK darwin runs on (the
 * module {@code jdk.httpserver}), so the page adds no dependency to an application whose users
 * run it on shared and offline machines; it parses HTTP, so darwin writes no HTTP parsing; and
 * with a virtual thread per exchange, the long-lived event streams cost no platform threads. What
 * Javalin would add (routing, JSON mapping, WebSockets) the page does not need: it has a dozen
 * routes, and server-sent events are a plain streamed response.
 */
package darwin.runs.serve;

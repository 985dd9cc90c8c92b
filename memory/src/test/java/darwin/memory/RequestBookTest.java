package darwin.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import darwin.core.RequestKind;
import darwin.core.UpgradeRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RequestBookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RequestBook open(Path file) {
        return new RequestBook(file, JSON, Clock.systemUTC());
    }

    static UpgradeRequest budget(String seconds) {
        return new UpgradeRequest(RequestKind.BUDGET, "more time", "the loss still falls at the end", seconds);
    }

    @Test
    void aRequestGoesFromPendingToApprovedToApplied(@TempDir Path dir) {
        RequestBook book = open(dir.resolve("requests.json"));
        Request filed = book.file("g1-s0", 1, "agent-2", budget("60"));
        assertEquals("r1", filed.id());
        assertEquals(RequestStatus.PENDING, filed.status());

        Request approved = book.decide("R1", RequestStatus.APPROVED, "ada", "worth a try", "45");
        assertEquals(RequestStatus.APPROVED, approved.status());
        assertEquals("45", approved.value());
        assertEquals("ada", approved.decision().by());

        Request applied = open(dir.resolve("requests.json")).applied("r1", true, 2, "budget 30 s → 45 s");
        assertEquals(RequestStatus.APPLIED, applied.status());
        assertEquals(2, applied.applied().generation());
        assertEquals(List.of(applied), open(dir.resolve("requests.json")).all());
    }

    @Test
    void theSameProposalIsFiledOnce(@TempDir Path dir) {
        RequestBook book = open(dir.resolve("requests.json"));
        Request first = book.file("g1-s0", 1, "agent-2", budget("60"));
        Request again = book.file("g1-s0", 1, "agent-2", budget("60"));
        assertEquals(first, again);
        assertEquals(1, book.all().size());
    }

    @Test
    void aDecidedRequestCannotBeDecidedAgainAndBadIdsAreNamed(@TempDir Path dir) {
        RequestBook book = open(dir.resolve("requests.json"));
        book.file("g1-s0", 1, "agent-2", budget("60"));
        book.decide("r1", RequestStatus.DENIED, "ada", "no", "");
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> book.decide("r1", RequestStatus.APPROVED, "bob", "", ""));
        assertTrue(twice.getMessage().contains("already denied"), twice.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> book.get("r9"));
        assertTrue(missing.getMessage().contains("[r1]"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> book.applied("r1", true, 2, ""));
        assertThrows(IllegalArgumentException.class, () -> book.decide("r1", RequestStatus.APPLIED, "ada", "", ""));
    }

    @Test
    void aDamagedFileIsReportedWithItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("requests.json");
        Files.writeString(file, "{\"schema\":1,\"requests\":[{\"id\":");
        MemoryFormatException error = assertThrows(MemoryFormatException.class, () -> open(file).all());
        assertTrue(error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    @Timeout(60)
    void concurrentFilingAndDecidingLoseNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("requests.json");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Request>> filed = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int slot = i;
                filed.add(pool.submit(() -> open(file).file("g1-s" + slot, 1, "agent-" + (slot % 3 + 1), budget("60"))));
            }
            var ids = new HashSet<String>();
            for (Future<Request> f : filed) {
                ids.add(f.get().id());
            }
            assertEquals(40, ids.size());
            List<Future<Request>> decided = new ArrayList<>();
            for (String id : ids) {
                decided.add(pool.submit(() -> open(file).decide(id, RequestStatus.APPROVED, "ada", "", "")));
            }
            for (Future<Request> f : decided) {
                f.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        assertEquals(40, open(file).with(RequestStatus.APPROVED).size());
    }

    @Test
    @Timeout(120)
    void anotherProcessDecidingWhileThisOneFilesLosesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("requests.json");
        RequestBook book = open(file);
        for (int i = 0; i < 30; i++) {
            book.file("g0-s" + i, 0, "agent-1", budget("60"));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                RequestBookTest.Decider.class.getName(), file.toString(), "30").redirectErrorStream(true).start();
        for (int i = 0; i < 30; i++) {
            book.file("g1-s" + i, 1, "agent-2", budget("90"));
        }
        assertTrue(other.waitFor(100, TimeUnit.SECONDS));
        assertEquals(0, other.exitValue(), new String(other.getInputStream().readAllBytes()));
        List<Request> all = open(file).all();
        assertEquals(60, all.size());
        assertEquals(30, all.stream().filter(r -> r.status() == RequestStatus.DENIED).count());
        assertEquals(60, all.stream().map(Request::id).distinct().count());
    }

    /** Denies requests r1 … rN from another process, one command at a time, as people do. */
    public static final class Decider {
        public static void main(String[] args) {
            Path file = Path.of(args[0]);
            for (int i = 1; i <= Integer.parseInt(args[1]); i++) {
                Request denied = open(file).decide("r" + i, RequestStatus.DENIED, "other", "", "");
                assertSame(RequestStatus.DENIED, denied.status());
            }
        }
    }
}

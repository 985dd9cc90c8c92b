// The live page's load for scripts/bench-serve.sh: CLIENTS event-stream clients and RATE plain
// requests a second, for SECONDS, against a served run; prints one line of figures.
//
// Usage: java scripts/BenchServe.java ADDRESS RUN_DIR SECONDS CLIENTS RATE
//
// Freshness: for every ledger line the run appends during the window, the time from when this
// program sees it in ledger.jsonl until a client receives a picture whose run.lastEvent reaches
// it, over every client; reported as median, 95th percentile and maximum.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class BenchServe {

    static final Pattern LAST_EVENT = Pattern.compile("\"lastEvent\":\"([^\"]+)\"");
    static final Pattern TIME = Pattern.compile("\"time\":\"([^\"]+)\"");

    record Seen(Instant lastEvent, long atNanos) {}

    public static void main(String[] args) throws Exception {
        URI address = URI.create(args[0]);
        Path ledger = Path.of(args[1], "ledger.jsonl");
        long seconds = Long.parseLong(args[2]);
        int clients = Integer.parseInt(args[3]);
        int rate = Integer.parseInt(args[4]);
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(address).build(), HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 200) {
            throw new IllegalStateException("sign-in answered " + signIn.statusCode());
        }
        URI base = address.resolve("/");
        AtomicLong errors = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong events = new AtomicLong();
        List<ConcurrentLinkedQueue<Seen>> seen = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        var threads = Executors.newVirtualThreadPerTaskExecutor();
        for (int c = 0; c < clients; c++) {
            ConcurrentLinkedQueue<Seen> mine = new ConcurrentLinkedQueue<>();
            seen.add(mine);
            threads.submit(() -> {
                try {
                    HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(base.resolve("/events")).build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (stream.statusCode() != 200) {
                        failed(errors, end, new IllegalStateException("/events answered " + stream.statusCode()));
                        return null;
                    }
                    try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null && System.nanoTime() < end; line = in.readLine()) {
                            if (line.startsWith("data: ")) {
                                events.incrementAndGet();
                                Matcher m = LAST_EVENT.matcher(line);
                                if (m.find()) {
                                    mine.add(new Seen(Instant.parse(m.group(1)), System.nanoTime()));
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    failed(errors, end, e);
                }
                return null;
            });
        }
        var ticker = Executors.newSingleThreadScheduledExecutor();
        String[] paths = {"/api/state", "/api/attempts", "/api/attempts?status=OK", "/"};
        AtomicLong turn = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> threads.submit(() -> {
            String path = paths[(int) (turn.getAndIncrement() % paths.length)];
            try {
                int status = http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                requests.incrementAndGet();
                if (status != 200) {
                    failed(errors, end, new IllegalStateException(path + " answered " + status));
                }
            } catch (Exception e) {
                failed(errors, end, e);
            }
            return null;
        }), 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        // the ledger's new lines, as this program sees them appear
        List<long[]> appended = new ArrayList<>(); // {nanos seen, epoch millis of the line's time}
        long offset = Files.exists(ledger) ? Files.size(ledger) : 0;
        while (System.nanoTime() < end) {
            if (Files.exists(ledger) && Files.size(ledger) > offset) {
                byte[] bytes = Files.readAllBytes(ledger);
                long now = System.nanoTime();
                String fresh = new String(bytes, (int) offset, bytes.length - (int) offset, StandardCharsets.UTF_8);
                int last = fresh.lastIndexOf('\n');
                if (last >= 0) {
                    for (String line : fresh.substring(0, last).split("\n")) {
                        Matcher m = TIME.matcher(line);
                        if (m.find()) {
                            appended.add(new long[] {now, Instant.parse(m.group(1)).toEpochMilli()});
                        }
                    }
                    offset += fresh.substring(0, last + 1).getBytes(StandardCharsets.UTF_8).length;
                }
            }
            Thread.sleep(20);
        }
        ticker.shutdownNow();
        threads.shutdownNow();
        List<Double> lags = new ArrayList<>();
        int missed = 0;
        for (long[] line : appended) {
            for (ConcurrentLinkedQueue<Seen> client : seen) {
                Seen first = client.stream().filter(s -> s.lastEvent().toEpochMilli() >= line[1]).findFirst().orElse(null);
                if (first == null) {
                    missed++;
                } else {
                    lags.add(Math.max(0, first.atNanos() - line[0]) / 1e6);
                }
            }
        }
        Collections.sort(lags);
        System.out.printf(Locale.ROOT, "requests %d, events %d, errors %d, ledger lines %d, freshness ms median %.0f p95 %.0f max %.0f,"
                + " not seen before the end %d%n", requests.get(), events.get(), errors.get(), appended.size(), pct(lags, 0.5),
                pct(lags, 0.95), lags.isEmpty() ? Double.NaN : lags.getLast(), missed);
        System.exit(0);
    }

    /** Counts a failure inside the window (what the end of the window cuts off is none), and names the first few. */
    static void failed(AtomicLong errors, long end, Exception e) {
        if (System.nanoTime() < end && errors.incrementAndGet() <= 3) {
            System.err.println("error: " + e);
        }
    }

    static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }
}

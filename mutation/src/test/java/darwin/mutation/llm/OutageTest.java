package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import darwin.mutation.llm.Completion.Replied;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real endpoint goes down in the middle of a run's calls and comes back: the calls made during
 * the outage wait and are answered afterwards; none is lost, none fails.
 */
@Timeout(60)
class OutageTest {

    @Test
    void callsMadeDuringAnOutageAreAnsweredWhenTheServerComesBack() throws Exception {
        HeardOutages heard = new HeardOutages();
        try (ChatStandIn server = ChatStandIn.start(List.of("test-model"), n -> "reply " + n)) {
            ProviderSettings settings = ProviderSettings.of(Provider.OPENAI, "test-model").withBaseUrl(server.baseUrl())
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5)).withMaxRetries(1);
            CostLedger ledger = new CostLedger();
            LlmClient client = LlmClients.builder(settings).environment(Map.<String, String>of()::get).ledger(ledger)
                    .backoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(20), 2, 0))
                    .checks(new Backoff(Duration.ofMillis(100), Duration.ofMillis(300), 2, 0))
                    .random(new SplittableRandom(3)).outages(Duration.ofSeconds(40), heard).build();
            assertInstanceOf(Replied.class, client.complete(question(settings, "before")));

            server.stop();
            List<CompletableFuture<Completion>> during = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String agent = "agent-" + i;
                during.add(CompletableFuture.supplyAsync(() -> client.complete(question(settings, agent))));
            }
            Thread.sleep(1500);
            assertTrue(during.stream().noneMatch(CompletableFuture::isDone), "calls wait while the endpoint is down");
            server.restart();

            for (CompletableFuture<Completion> call : during) {
                Replied replied = assertInstanceOf(Replied.class, call.get(30, TimeUnit.SECONDS));
                assertTrue(replied.text().startsWith("reply "), replied.text());
            }
            assertEquals(5, server.completions(), "one completion per call: nothing lost, nothing asked twice");
            assertEquals(List.of("paused", "resumed"), heard.events);
            assertTrue(heard.reasons.getFirst().startsWith("cannot reach the server"), heard.reasons::toString);
            assertEquals(5, ledger.run().calls());
        }
    }

    private static CompletionRequest question(ProviderSettings settings, String agent) {
        return settings.request(agent, "", "Make the model train faster, " + agent + ".", Deadline.after(Duration.ofSeconds(20)));
    }
}

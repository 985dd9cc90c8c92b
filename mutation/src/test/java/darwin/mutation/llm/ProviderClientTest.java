package darwin.mutation.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import darwin.mutation.llm.Completion.Failed;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProviderClientTest {

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static CompletionRequest question(ProviderSettings settings, Duration deadline) {
        return settings.request("agent-a", "", "Hello?", Deadline.after(deadline));
    }

    @Test
    void everyProviderGivesAClientAndAnUnreachableServerIsAConnectionFailure() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();
        for (Provider provider : Provider.values()) {
            ProviderSettings settings = ProviderSettings.of(provider, "m").withBaseUrl(url).withMaxRetries(0);
            ProviderClient client = new ProviderClient(settings, Map.of("OPENAI_API_KEY", "k", "ANTHROPIC_API_KEY", "k",
                    "GEMINI_API_KEY", "k")::get, PriceTable.examples());

            Completion completion = client.complete(question(settings, Duration.ofSeconds(10)));

            Failed failed = assertInstanceOf(Failed.class, completion, provider + ": " + completion);
            assertEquals(FailureKind.CONNECTION, failed.kind(), provider + ": " + failed.message());
            assertEquals(1, failed.attempts());
        }
    }

    @Test
    void aPassedDeadlineSendsNothing() {
        ProviderSettings settings = ProviderSettings.of("ollama", "llama3");
        ProviderClient client = new ProviderClient(settings, name -> null, PriceTable.examples());

        Completion completion = client.complete(question(settings, Duration.ZERO));

        Failed failed = assertInstanceOf(Failed.class, completion);
        assertEquals(FailureKind.TIMEOUT, failed.kind());
        assertEquals(0, failed.attempts());
    }
}

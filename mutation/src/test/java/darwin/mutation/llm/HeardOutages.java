package darwin.mutation.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What an {@link OutageListener} heard, in order: {@code paused}, {@code resumed}, {@code stopped}, and the pauses' reasons. */
final class HeardOutages implements OutageListener {

    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<String> reasons = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void paused(String reason, Duration limit) {
        reasons.add(reason);
        events.add("paused");
    }

    @Override
    public void resumed(Duration outage) {
        events.add("resumed");
    }

    @Override
    public void stopped(Duration outage, String reason) {
        events.add("stopped");
    }
}

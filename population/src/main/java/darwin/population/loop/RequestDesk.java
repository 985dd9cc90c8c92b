package darwin.population.loop;

import darwin.core.Budget;
import darwin.core.Sleeper;
import darwin.core.UpgradeRequest;
import darwin.core.Variant;
import darwin.memory.AgentMemories;
import darwin.memory.Note;
import darwin.memory.Request;
import darwin.memory.RequestBook;
import darwin.memory.RequestStatus;
import darwin.memory.RunState;
import darwin.memory.Suggestion;
import darwin.memory.SuggestionBox;
import darwin.memory.ledger.Decided;
import darwin.memory.ledger.Ledger;
import darwin.memory.ledger.Proposed;
import darwin.memory.ledger.RequestFiled;
import darwin.memory.ledger.Suggested;
import darwin.population.upgrade.Upgrade;
import darwin.population.upgrade.UpgradeException;
import darwin.population.upgrade.UpgradeReader;
import darwin.population.upgrade.Upgrader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where the loop meets people: it files the agents' requests, applies the approved ones at the
 * start of a generation, passes decisions and suggestions on to the agents' memories and the
 * ledger, and waits for decisions when told to.
 *
 * <p>Resume: an approved request is marked applied with the generation it takes effect from;
 * a generation that is run again (after a crash) applies the requests marked with its number once
 * more, to the same members, with the same result, so that nothing depends on when the run
 * stopped. Decisions, suggestions and notes are recorded once each.
 */
final class RequestDesk {

    /** How long the loop waits between two looks at the request book while decisions are pending. */
    static final Duration POLL = Duration.ofSeconds(2);

    private final RequestBook book;
    private final SuggestionBox suggestions;
    private final Ledger ledger;
    private final AgentMemories memories;
    private final Upgrader upgrader;
    private final UpgradeReader reader;
    private final EvolutionListener listener;
    private final Sleeper sleeper;

    /** @param sleeper waits between two looks at the book while decisions are pending */
    RequestDesk(RequestBook book, SuggestionBox suggestions, Ledger ledger, AgentMemories memories, Upgrader upgrader,
            EvolutionListener listener, Sleeper sleeper) {
        this.book = book;
        this.suggestions = suggestions;
        this.ledger = ledger;
        this.memories = memories;
        this.upgrader = upgrader;
        this.reader = upgrader.reader();
        this.listener = listener;
        this.sleeper = sleeper;
    }

    /**
     * Files the generation's upgrade requests in slot order (once each: a resumed run finds them
     * filed), each with its {@code REQUEST} event; a request for what another proposal already
     * asked (the same kind and payload, whatever was decided on it) is not filed again. Proposals
     * of one generation are made at once and cannot see each other's requests, so two may ask the
     * same; the first in slot order is filed.
     */
    void file(int g, List<Proposed> proposals) {
        for (Proposed proposal : proposals) {
            if (proposal.request() == null || sameAs(proposal.key(), proposal.request()).isPresent()) {
                continue;
            }
            Request request = book.file(proposal.key(), g, proposal.agent(), proposal.request());
            ledger.append(new RequestFiled(proposal.key(), request.id(), proposal.agent(), request.kind(), request.title(),
                    request.rationale(), request.payload()));
        }
    }

    private Optional<Request> sameAs(String proposal, UpgradeRequest request) {
        return book.all().stream()
                .filter(r -> !r.proposal().equals(proposal) && r.kind() == request.kind()
                        && r.payload().equals(request.payload()))
                .findFirst();
    }

    /**
     * The members and the budget of generation {@code g}: approved requests are applied (and
     * marked applied or failed), requests applied at {@code g} before a crash are applied again.
     */
    Upgraded upgrade(int g, List<RunState.Member> members, Budget planned, Function<String, Variant> variants,
            Consumer<Variant> store) {
        List<Request> all = book.all(); // in the order asked, r1 first
        Budget budget = inForce(planned, g, all);
        List<RunState.Member> current = new ArrayList<>(members);
        List<Request> due = all.stream()
                .filter(r -> r.status() == RequestStatus.APPROVED
                        || (r.status() == RequestStatus.APPLIED && r.applied().generation() == g)).toList();
        for (Request request : due) {
            Upgrade upgrade;
            try {
                upgrade = reader.read(request, budget);
            } catch (UpgradeException e) {
                settle(request, false, g, e.getMessage());
                continue;
            }
            if (upgrade instanceof Upgrade.Budgeted raised) {
                settle(request, true, g, "budget " + budget.describe() + " → " + raised.budget().describe()
                        + "; every member is evaluated again at the new budget");
                budget = raised.budget();
                continue;
            }
            Map<String, String> changed = new LinkedHashMap<>();
            List<String> refused = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (RunState.Member member : current) {
                if (!seen.add(member.variant())) {
                    continue;
                }
                try {
                    Variant upgraded = upgrader.apply(upgrade, variants.apply(member.variant()));
                    store.accept(upgraded);
                    changed.put(member.variant(), upgraded.id());
                } catch (UpgradeException e) {
                    refused.add(member.agent() + "'s variant " + member.variant() + ": " + e.getMessage());
                }
            }
            current = current.stream().map(m -> new RunState.Member(m.agent(), changed.getOrDefault(m.variant(), m.variant())))
                    .toList();
            String note = upgrade.describe() + "; applied to " + changed.size() + " of " + seen.size() + " member variants"
                    + (refused.isEmpty() ? "" : "; not to " + String.join("; ", refused));
            settle(request, !changed.isEmpty(), g, changed.isEmpty() ? "it fits no member: " + String.join("; ", refused) : note);
        }
        return new Upgraded(current, budget);
    }

    /** The planned budget raised by every budget request applied before generation {@code g}. */
    Budget inForce(Budget planned, int g) {
        return inForce(planned, g, book.all());
    }

    private static Budget inForce(Budget planned, int g, List<Request> all) {
        return UpgradeReader.raised(planned, all.stream()
                .filter(r -> r.status() == RequestStatus.APPLIED && r.applied().generation() < g).toList());
    }

    /** Passes decisions and suggestions not yet passed on to the ledger and the agents' memories. */
    void deliver(int g) {
        for (Request request : book.all()) {
            if (request.status() != RequestStatus.PENDING) {
                boolean approved = request.status() != RequestStatus.DENIED;
                tell(g, request, approved ? Decided.Outcome.APPROVED : Decided.Outcome.DENIED, "people " + (approved ? "approved" : "denied")
                        + " your request " + describe(request) + note(request.decision().note()));
            }
            if (request.status() == RequestStatus.APPLIED) {
                tell(g, request, Decided.Outcome.APPLIED, "your request " + describe(request) + " is in effect from generation "
                        + request.applied().generation() + ": " + request.applied().note());
            } else if (request.status() == RequestStatus.FAILED) {
                tell(g, request, Decided.Outcome.FAILED, "your request " + describe(request) + " was approved but could not be applied: "
                        + request.applied().note());
            }
        }
        for (Suggestion suggestion : suggestions.all()) {
            ledger.append(new Suggested(suggestion.id(), suggestion.agent(), suggestion.by(), suggestion.text(), g));
            for (String agent : memories.all().keySet()) {
                if (suggestion.isFor(agent)) {
                    memories.note(agent, new Note(suggestion.id(), g, "people suggest" + (suggestion.agent().isEmpty()
                            ? " (to every agent)" : " (to you)") + ": " + suggestion.text()));
                }
            }
        }
    }

    /** Waits while requests are pending, looking at the book every {@link #POLL}; says so once. */
    void awaitDecisions(int g) throws InterruptedException {
        boolean said = false;
        while (true) {
            List<Request> pending = book.with(RequestStatus.PENDING);
            if (pending.isEmpty()) {
                return;
            }
            if (!said) {
                listener.awaitingDecisions(g, pending.stream().map(Request::id).toList());
                said = true;
            }
            sleeper.sleep(POLL);
        }
    }

    private void settle(Request request, boolean success, int g, String note) {
        if (request.status() == RequestStatus.APPROVED) {
            book.applied(request.id(), success, g, note);
            listener.requestSettled(g, request.id(), success, note);
        }
    }

    private void tell(int g, Request request, Decided.Outcome outcome, String text) {
        ledger.append(new Decided(request.id(), outcome, request.agent(), request.kind(), g, request.decision().by(),
                request.decision().note(), request.applied() == null ? null : request.applied().note()));
        if (memories.all().containsKey(request.agent())) {
            memories.note(request.agent(), new Note(request.id() + ":" + outcome, g, text));
        }
    }

    private static String describe(Request request) {
        return request.id() + " (" + request.kind() + ": " + request.title() + ")";
    }

    private static String note(String note) {
        return note.isEmpty() ? "" : "; their note: " + note;
    }

    /** The members and the budget a generation runs with. */
    record Upgraded(List<RunState.Member> members, Budget budget) {}
}

package darwin.mutation;

import darwin.core.Variant;
import darwin.mutation.prompt.PromptBudget;
import darwin.mutation.prompt.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The messages of one proposal's repair rounds: the first prompt, then a repair section that says
 * which round this is, what failed in every earlier round, the previous reply and what went wrong
 * with it, and, while edits stay applied, the files as they are now.
 *
 * <p>Distinct: no two rounds of a proposal send the same message, even when the model repeats a
 * reply word for word. The reply cache answers a message it has seen, so a repeated message would
 * give the model no second chance at all.
 *
 * <p>Bounded: the section is held to {@link PromptBudget#repair()} tokens. Its fixed text comes
 * first; the rest is shared among the previous reply, the problem, the compiler's diagnostics and
 * the edited files ({@link Tokens#share}), and a part over its share keeps its head and tail with
 * the cut marked ({@link Tokens#clip}). A reply of a megabyte therefore costs no more than a short
 * one.
 *
 * <p>Immutable; one instance serves one proposal.
 */
final class Repairs {

    /** The most characters of one earlier round's problem that the history repeats. */
    private static final int HISTORY_CHARS = 160;

    private final String prompt;
    private final int tokens;
    private final int rounds;

    /**
     * Edits of earlier rounds that applied but do not compile: they stay applied, and the next
     * round's edits apply on top of them.
     *
     * @param target the program before the edits
     * @param edited the program with the edits
     * @param diagnostics the compiler's, as rendered for people
     */
    record Applied(Variant target, Variant edited, String diagnostics) {
        Applied {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(edited, "edited");
            Objects.requireNonNull(diagnostics, "diagnostics");
        }
    }

    /**
     * @param prompt the first prompt's user message, which every repair message repeats
     * @param tokens the budget of a repair section
     * @param rounds how many repair rounds the proposal has at most
     */
    Repairs(String prompt, int tokens, int rounds) {
        this.prompt = Objects.requireNonNull(prompt, "prompt");
        if (tokens < PromptBudget.MIN_REPAIR) {
            throw new IllegalArgumentException("a repair section needs at least " + PromptBudget.MIN_REPAIR
                    + " tokens, got " + tokens);
        }
        if (rounds < 0) {
            throw new IllegalArgumentException("repair rounds must not be negative, got " + rounds);
        }
        this.tokens = tokens;
        this.rounds = rounds;
    }

    /** What the next round sends back, as one of a closed set. */
    sealed interface Retry permits Again, Fix {}

    /**
     * Nothing of the reply was applied: ask again.
     *
     * @param applied the edits of earlier rounds that stay applied, if any: the reply's edits were
     *     tried on top of them
     */
    record Again(String reply, String problem, Optional<Applied> applied) implements Retry {
        Again {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(applied, "applied");
        }
    }

    /** The reply's edits applied but do not compile: ask for a fix; the next edits apply on top. */
    record Fix(String reply, Applied applied) implements Retry {
        Fix {
            Objects.requireNonNull(reply, "reply");
            Objects.requireNonNull(applied, "applied");
        }
    }

    /**
     * The message of a repair round.
     *
     * @param round the repair round to ask in, 1 to {@code rounds}
     * @param failures one line per earlier round on what failed in it, the previous reply's last
     * @param retry what went wrong in the previous round
     */
    String message(int round, List<String> failures, Retry retry) {
        Section section = header(round, failures);
        return switch (retry) {
            case Again again -> again(section, again);
            case Fix fix -> fix(section, fix);
        };
    }

    private String again(Section section, Again again) {
        section.text("\n## Your previous reply\n\n```\n").piece(again.reply())
                .text("\n```\n\n## What went wrong\n\n").piece(again.problem());
        if (again.applied().isEmpty()) {
            return section.text("\n\nNothing of that reply was applied. Reply again with a corrected change against the"
                    + " program as shown above.\n").render(prompt, tokens);
        }
        Applied applied = again.applied().get();
        section.text("\n\nNothing of that reply was applied. Your edits of earlier rounds stay applied, and the program"
                + " still does not compile:\n\n```\n").piece(applied.diagnostics()).text("\n```\n");
        files(section, applied);
        return section.text("\nReply with edits against the files as they are now that make the program compile,"
                + " keeping your change's intent.\n").render(prompt, tokens);
    }

    private String fix(Section section, Fix fix) {
        section.text("\n## Your previous reply\n\n```\n").piece(fix.reply())
                .text("\n```\n\n## What went wrong\n\nYour edits were applied, but the program does not compile:\n\n```\n")
                .piece(fix.applied().diagnostics()).text("\n```\n");
        files(section, fix.applied());
        return section.text("\nYour edits stay applied. Reply with edits against the files as they are now that make the"
                + " program compile, keeping your change's intent.\n").render(prompt, tokens);
    }

    private Section header(int round, List<String> failures) {
        if (round < 1 || round > rounds) {
            throw new IllegalArgumentException("repair round " + round + " is not one of 1 to " + rounds);
        }
        if (failures.size() != round) {
            throw new IllegalArgumentException("repair round " + round + " follows " + round + " failed rounds, got "
                    + failures.size() + " failures");
        }
        Section section = new Section().text("\n## Repair round " + round + " of " + rounds + "\n\n"
                + "Your replies to this task so far failed:\n");
        for (int i = 0; i < failures.size(); i++) {
            section.text("- " + (i == 0 ? "your first reply" : "repair round " + i) + ": " + oneLine(failures.get(i))
                    + "\n");
        }
        return section.text(round == rounds ? "This is the last round: if this reply fails too, the proposal ends"
                + " without a change.\n" : "");
    }

    private static void files(Section section, Applied applied) {
        section.text("\n## The files your edits changed, as they are now\n");
        for (Map.Entry<String, String> file : applied.edited().files().entrySet()) {
            if (!file.getValue().equals(applied.target().files().get(file.getKey()))) {
                section.text("\n### " + file.getKey() + "\n```\n").piece(file.getValue()).text("\n```\n");
            }
        }
    }

    /** A problem as one line of the history: its lines joined, cut to {@link #HISTORY_CHARS}. */
    private static String oneLine(String problem) {
        String line = String.join(" ", problem.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        return line.length() <= HISTORY_CHARS ? line : line.substring(0, HISTORY_CHARS - 1) + "…";
    }

    /** A repair section: fixed text between pieces that share what the budget leaves. */
    private static final class Section {

        /** Fixed text, or a piece that is clipped to its share. */
        private record Part(String text, boolean piece) {}

        private final List<Part> parts = new ArrayList<>();

        Section text(String text) {
            parts.add(new Part(text, false));
            return this;
        }

        Section piece(String text) {
            parts.add(new Part(text.strip(), true));
            return this;
        }

        /** The prompt and the section within {@code tokens}, each piece clipped to its share. */
        String render(String prompt, int tokens) {
            String fixed = parts.stream().filter(p -> !p.piece()).map(Part::text).collect(Collectors.joining());
            int[] shares = Tokens.share(tokens - Tokens.estimate(fixed),
                    parts.stream().filter(Part::piece).mapToInt(p -> Tokens.estimate(p.text())).toArray());
            StringBuilder text = new StringBuilder(prompt);
            int piece = 0;
            for (Part part : parts) {
                text.append(part.piece() ? Tokens.clip(part.text(), shares[piece++]) : part.text());
            }
            return text.toString();
        }
    }
}

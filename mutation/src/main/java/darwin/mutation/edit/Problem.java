package darwin.mutation.edit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Why an edit could not be applied; {@link #describe()} says it to the model that wrote the edit. */
public sealed interface Problem {

    /** One or more sentences, written for the model that wrote the edit. */
    String describe();

    /** The path lies outside {@code program/}, the only part of a variant that may be edited. */
    record OutsideProgram(String path) implements Problem {
        public OutsideProgram {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            if (path.startsWith("resources/")) {
                return "the path is outside program/: resources/ lists the datasets and libraries people approved for"
                        + " this variant, which only people change (ask for one with a DATASET or LIBRARY request)."
                        + " Only files under program/ can be edited.";
            }
            String what = path.startsWith("harness/")
                    ? "the path is outside program/: harness/ holds read-only copies of the harness API"
                    : "the path is outside program/";
            return what + ", and only files under program/ can be edited.";
        }
    }

    /** A replacement in a file that does not exist. */
    record MissingFile() implements Problem {
        @Override
        public String describe() {
            return "the file does not exist. To create it, write its whole content (a FILE block, a SEARCH block with an"
                    + " empty search text, or \"content\").";
        }
    }

    /** An empty search text, which creates a file, names a file that exists and is not empty. */
    record FileExists() implements Problem {
        @Override
        public String describe() {
            return "the search text is empty, which creates a new file, but the file exists. To change part of it, copy"
                    + " the lines to change into the search text; to rewrite it whole, write its whole content (a FILE"
                    + " block, or \"content\").";
        }
    }

    /** The search text or the replacement leaves lines out with an elision line. */
    record Elided(Elision elision) implements Problem {
        public Elided {
            Objects.requireNonNull(elision, "elision");
        }

        @Override
        public String describe() {
            String part = elision.part().noun();
            String why = elision.part() == Elision.Part.SEARCH
                    ? " A search text is matched against the file as written and no line stands for others: quote every"
                            + " line it covers in full, copied from the file, or search for fewer lines."
                    : " A replacement is written into the file as it stands, so that line would take the place of the"
                            + " code it stands for: write every line of the replacement in full.";
            return "the " + part + " leaves lines out: its line " + elision.line() + ", `" + elision.text().strip()
                    + "`, is an elision." + why;
        }
    }

    /** The search text is blank once its blank lines are left out. */
    record BlankSearch() implements Problem {
        @Override
        public String describe() {
            return "the search text is blank. Copy the lines to change from the file.";
        }
    }

    /**
     * The search text matches in several places.
     *
     * @param strategy how it was matched: {@link MatchStrategy#EXACT} or {@link MatchStrategy#WHITESPACE}
     * @param places where, in file order
     */
    record Repeated(MatchStrategy strategy, List<LineRange> places) implements Problem {

        /** The most places a description lists. */
        static final int LISTED = 10;

        public Repeated {
            Objects.requireNonNull(strategy, "strategy");
            places = List.copyOf(places);
            if (places.size() < 2) {
                throw new IllegalArgumentException("a repeated match has at least two places");
            }
        }

        @Override
        public String describe() {
            List<String> shown = places.stream().limit(LISTED)
                    .map(place -> place.count() == 1 ? String.valueOf(place.first()) : place.first() + "-" + place.last())
                    .toList();
            String listed = places.size() > LISTED
                    ? String.join(", ", shown) + ", …"
                    : String.join(", ", shown.subList(0, shown.size() - 1)) + " and " + shown.getLast();
            String how = strategy == MatchStrategy.WHITESPACE ? " when whitespace is ignored" : "";
            return "the search text was found " + places.size() + " times" + how + ", at lines " + listed
                    + ". Add lines around it so that it matches once.";
        }
    }

    /**
     * The search text matches nowhere, nor nearly.
     *
     * @param closest the region most like it, when near matches were looked for
     * @param note more to say: why near matches were not looked for, or what a near match needs; or empty
     */
    record NotFound(Optional<Candidate> closest, String note) implements Problem {
        public NotFound {
            Objects.requireNonNull(closest, "closest");
            note = Objects.requireNonNullElse(note, "");
        }

        @Override
        public String describe() {
            String head = "the search text was not found, exactly or ignoring whitespace";
            String tail = note.isEmpty() ? "" : " " + note;
            return closest.map(candidate -> head + ", nor nearly. The closest region is " + candidate.describe() + ":\n"
                    + candidate.quote() + (note.isEmpty() ? "" : note + " ")
                    + "Copy the search text exactly from the file as it is now.")
                    .orElse(head + "." + tail);
        }
    }

    /**
     * The search text matches nowhere exactly, and several regions nearly match it about equally well.
     *
     * @param candidates the regions, best first
     */
    record Ambiguous(List<Candidate> candidates) implements Problem {
        public Ambiguous {
            candidates = List.copyOf(candidates);
            if (candidates.size() < 2) {
                throw new IllegalArgumentException("an ambiguous match has at least two candidates");
            }
        }

        @Override
        public String describe() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                    "the search text was not found exactly, and %d regions nearly match it about equally well:\n",
                    candidates.size()));
            for (Candidate candidate : candidates) {
                text.append("  ").append(candidate.describe()).append(":\n").append(candidate.quote());
            }
            return text.append("Copy the search text exactly from the file, with enough lines to tell the places apart.")
                    .toString();
        }
    }
}

package darwin.mutation;

import darwin.core.Variant;
import java.util.Map;

/** The messages of repair rounds: the original prompt, the previous reply, and what went wrong. */
final class Repairs {

    private Repairs() {}

    /** Ask again against the same program: nothing of the previous reply was applied. */
    static String again(String prompt, String reply, String problem) {
        return prompt + "\n## Your previous reply\n\n" + fenced(reply) + "\n## What went wrong\n\n" + problem.strip()
                + "\n\nNothing of that reply was applied. Reply again with a corrected change against the program as shown"
                + " above.\n";
    }

    /**
     * Ask for a fix of edits that applied but do not compile: show the edited files and the
     * diagnostics; the next edits apply to the edited program.
     */
    static String compile(String prompt, Variant target, Variant edited, String reply, String diagnostics) {
        StringBuilder text = new StringBuilder(prompt).append("\n## Your previous reply\n\n").append(fenced(reply))
                .append("\n## What went wrong\n\nYour edits were applied, but the program does not compile:\n\n")
                .append(fenced(diagnostics))
                .append("\n## The files your edits changed, as they are now\n\n");
        for (Map.Entry<String, String> file : edited.files().entrySet()) {
            if (!file.getValue().equals(target.files().get(file.getKey()))) {
                text.append("### ").append(file.getKey()).append('\n').append(fenced(file.getValue()));
            }
        }
        return text.append("\nYour edits stay applied. Reply with edits against the files as they are now that make the"
                + " program compile, keeping your change's intent.\n").toString();
    }

    private static String fenced(String text) {
        return "```\n" + text.strip() + "\n```\n";
    }
}

package darwin.trainer.data;

import java.util.Arrays;

/**
 * nanoGPT's character-level tokenizer: the vocabulary is the sorted set of distinct characters
 * of the corpus, and a token id is a character's rank in it.
 */
public final class CharTokenizer {

    private final char[] characters;
    private final int[] ids = new int[Character.MAX_VALUE + 1];

    private CharTokenizer(char[] characters) {
        this.characters = characters;
        Arrays.fill(ids, -1);
        for (int i = 0; i < characters.length; i++) {
            ids[characters[i]] = i;
        }
    }

    /** The tokenizer of a text: its distinct characters, sorted. */
    public static CharTokenizer of(CharSequence text) {
        return new CharTokenizer(text.chars().distinct().sorted().collect(
                StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().toCharArray());
    }

    public int vocabularySize() {
        return characters.length;
    }

    /** Whether a character is in the vocabulary. */
    public boolean knows(char c) {
        return ids[c] >= 0;
    }

    public int[] encode(CharSequence text) {
        int[] tokens = new int[text.length()];
        for (int i = 0; i < tokens.length; i++) {
            char c = text.charAt(i);
            int id = ids[c];
            if (id < 0) {
                throw new IllegalArgumentException(
                        "character " + describe(c) + " at offset " + i + " is not in the vocabulary");
            }
            tokens[i] = id;
        }
        return tokens;
    }

    public String decode(int[] tokens) {
        StringBuilder text = new StringBuilder(tokens.length);
        for (int token : tokens) {
            if (token < 0 || token >= characters.length) {
                throw new IllegalArgumentException("token " + token + " is outside the vocabulary of " + characters.length);
            }
            text.append(characters[token]);
        }
        return text.toString();
    }

    private static String describe(char c) {
        return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }
}

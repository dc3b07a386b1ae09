package dev.menagerie.admin.impl.gogo;

/** {@code 1 session}, {@code 2 sessions}: a count with its noun, as the shell texts print them. */
final class Counted {

    private Counted() {
    }

    static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}

package io.modvault.core.gomod;

import java.util.List;

/**
 * A go.mod, go.work or go.sum file that the go command would refuse, with every error x/mod
 * reports for it, each as {@code file:line: message} (a column too for lexical errors), one per
 * line of the message. Syntax errors stop at the first; directive errors are all collected.
 */
public final class GoModException extends RuntimeException {
    private final List<String> errors;

    GoModException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    static GoModException at(String fileName, int line, int column, String message) {
        return new GoModException(List.of(position(fileName, line, column) + ": " + message));
    }

    /** x/mod's position prefix: the column only when it is not the first. */
    static String position(String fileName, int line, int column) {
        return column > 1 ? fileName + ":" + line + ":" + column : fileName + ":" + line;
    }

    /** Each error, positioned, in file order. */
    public List<String> errors() {
        return errors;
    }
}

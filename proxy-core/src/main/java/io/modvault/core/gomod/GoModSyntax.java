package io.modvault.core.gomod;

import io.modvault.core.gomod.GoModLexer.Kind;
import io.modvault.core.gomod.GoModLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements of a go.mod or go.work file as x/mod's parser ({@code parseFile},
 * {@code parseStmt}, {@code parseLineBlock}) builds them, with the comments the directives read:
 * the whole-line comments right above a statement (inside a block: since the previous line, with
 * "" marking a blank line, as x/mod keeps them) and the comment at the end of a line. A
 * {@code verb (} at the end of a line opens a block whose lines each become one directive;
 * {@code ( )} on one line is an empty block; parentheses elsewhere are ordinary tokens.
 */
final class GoModSyntax {

    /** A top-level statement. */
    sealed interface Statement permits Line, Block {}

    /**
     * One line of tokens, starting at {@code number}:{@code column}: at top level the verb comes
     * first; inside a block the verb is the block's.
     */
    record Line(int number, int column, List<String> tokens, List<String> before, Optional<String> suffix)
            implements Statement {}

    /** A factored block such as {@code require ( … )}; {@code tokens} is what precedes the parenthesis. */
    record Block(int number, int column, List<String> tokens, List<Line> lines, List<String> before)
            implements Statement {}

    private final String fileName;
    private final GoModLexer lexer;
    private Token peek;

    private GoModSyntax(String fileName, String text) {
        this.fileName = fileName;
        this.lexer = new GoModLexer(fileName, text);
        this.peek = lexer.next();
    }

    /** The statements of {@code text}; a lexical or syntax error is thrown at once, as x/mod stops at the first. */
    static List<Statement> parse(String fileName, String text) {
        return new GoModSyntax(fileName, text).file();
    }

    private Token lex() {
        Token token = peek;
        peek = lexer.next();
        return token;
    }

    private List<Statement> file() {
        List<Statement> statements = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        while (true) {
            switch (peek.kind()) {
                case NEWLINE -> {
                    // A blank line separates comments from the statement below: they stay unattached.
                    lex();
                    pending = new ArrayList<>();
                }
                case COMMENT -> pending.add(lex().text());
                case EOF -> {
                    return statements;
                }
                default -> {
                    statements.add(statement(pending));
                    pending = new ArrayList<>();
                }
            }
        }
    }

    private Statement statement(List<String> before) {
        Token first = lex();
        List<String> tokens = new ArrayList<>(List.of(first.text()));
        while (true) {
            Token token = lex();
            if (token.endsLine()) {
                return new Line(first.line(), first.column(), tokens, before, suffix(token));
            }
            if (!token.is("(")) {
                tokens.add(token.text());
            } else if (peek.endsLine()) {
                return block(first, tokens, before);
            } else if (peek.is(")")) {
                lex();
                if (peek.endsLine()) {
                    lex();
                    return new Block(first.line(), first.column(), tokens, List.of(), before);
                }
                tokens.add("(");
                tokens.add(")");
            } else {
                tokens.add("(");
            }
        }
    }

    private Block block(Token start, List<String> tokens, List<String> before) {
        List<Line> lines = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        while (true) {
            switch (peek.kind()) {
                case EOL_COMMENT -> lex(); // the comment after "verb (": not any line's
                case NEWLINE -> {
                    lex();
                    if (comments.isEmpty()
                            ? !lines.isEmpty()
                            : !comments.getLast().isEmpty()) {
                        comments.add("");
                    }
                }
                case COMMENT -> comments.add(lex().text());
                case EOF ->
                    throw error(
                            peek,
                            "syntax error (unterminated block started at " + fileName + ":" + start.line() + ":"
                                    + start.column() + ")");
                default -> {
                    if (peek.is(")")) {
                        lex();
                        if (!peek.endsLine()) {
                            throw error(peek, "syntax error (expected newline after closing paren)");
                        }
                        lex();
                        return new Block(start.line(), start.column(), tokens, lines, before);
                    }
                    lines.add(line(comments));
                    comments = new ArrayList<>();
                }
            }
        }
    }

    private Line line(List<String> before) {
        Token first = lex();
        List<String> tokens = new ArrayList<>(List.of(first.text()));
        while (true) {
            Token token = lex();
            if (token.endsLine()) {
                return new Line(first.line(), first.column(), tokens, before, suffix(token));
            }
            tokens.add(token.text());
        }
    }

    private static Optional<String> suffix(Token lineEnd) {
        return lineEnd.kind() == Kind.EOL_COMMENT ? Optional.of(lineEnd.text()) : Optional.empty();
    }

    /** Positioned as x/mod positions parse errors: where the lexer stands, just after the token looked at. */
    private GoModException error(Token at, String message) {
        return GoModException.at(
                fileName,
                at.line(),
                at.column() + at.text().codePointCount(0, at.text().length()),
                message);
    }
}

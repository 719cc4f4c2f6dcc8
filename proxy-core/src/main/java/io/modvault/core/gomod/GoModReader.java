package io.modvault.core.gomod;

import io.modvault.core.gomod.DirectiveArgs.Interval;
import io.modvault.core.gomod.DirectiveArgs.InvalidDirective;
import io.modvault.core.gomod.GoModSyntax.Block;
import io.modvault.core.gomod.GoModSyntax.Line;
import io.modvault.core.gomod.GoModSyntax.Statement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * x/mod rule.go's {@code parseToFile} and {@code File.add}: interprets each statement of a go.mod
 * as a directive. Strict (Parse, for a main module) rejects unknown directives and block types;
 * lax (ParseLax, for a dependency's go.mod) reads only {@code module}, {@code go},
 * {@code require}, {@code retract} and {@code ignore}, ignores everything else unchecked, and
 * drops malformed {@code retract} lines instead of failing. Errors are collected, then thrown together.
 */
final class GoModReader {
    private static final Set<String> LAX_VERBS = Set.of("go", "module", "retract", "require", "ignore");
    private static final Set<String> BLOCK_VERBS =
            Set.of("module", "godebug", "require", "exclude", "replace", "retract", "tool", "ignore");
    private static final Pattern DEPRECATED = Pattern.compile("(?s)(?:^|\\n\\n)Deprecated: *(.*?)(?:\\z|\\n\\n)");

    private final String fileName;
    private final boolean strict;
    private final List<String> errors = new ArrayList<>();
    private boolean moduleSeen;
    private Optional<String> module = Optional.empty();
    private Optional<String> deprecated = Optional.empty();
    private Optional<String> go = Optional.empty();
    private Optional<String> toolchain = Optional.empty();
    private final List<GoDebug> godebug = new ArrayList<>();
    private final List<Requirement> require = new ArrayList<>();
    private final List<Exclusion> exclude = new ArrayList<>();
    private final List<Replacement> replace = new ArrayList<>();
    private final List<Retraction> retract = new ArrayList<>();
    private final List<String> tool = new ArrayList<>();
    private final List<String> ignore = new ArrayList<>();

    private GoModReader(String fileName, boolean strict) {
        this.fileName = fileName;
        this.strict = strict;
    }

    static GoModFile read(String fileName, byte[] data, boolean strict) {
        GoModReader reader = new GoModReader(fileName, strict);
        for (Statement statement : GoModSyntax.parse(fileName, new String(data, StandardCharsets.UTF_8))) {
            switch (statement) {
                case Line line ->
                    reader.add(
                            null,
                            line,
                            line.tokens().get(0),
                            line.tokens().subList(1, line.tokens().size()));
                case Block block -> reader.addBlock(block);
            }
        }
        if (!reader.errors.isEmpty()) {
            throw new GoModException(reader.errors);
        }
        return new GoModFile(
                reader.module,
                reader.deprecated,
                reader.go,
                reader.toolchain,
                reader.godebug,
                reader.require,
                reader.exclude,
                reader.replace,
                reader.retract,
                reader.tool,
                reader.ignore);
    }

    private void addBlock(Block block) {
        if (block.tokens().size() > 1 || !BLOCK_VERBS.contains(block.tokens().get(0))) {
            if (strict) {
                errors.add(GoModException.position(fileName, block.number(), block.column()) + ": unknown block type: "
                        + String.join(" ", block.tokens()));
            }
            return;
        }
        for (Line line : block.lines()) {
            add(block, line, block.tokens().get(0), line.tokens());
        }
    }

    private void add(Block block, Line line, String verb, List<String> args) {
        if (!strict && !LAX_VERBS.contains(verb)) {
            return; // a dependency's main-module-only or future directive
        }
        try {
            directive(block, line, verb, args);
        } catch (InvalidDirective e) {
            errors.add(GoModException.position(fileName, line.number(), line.column()) + ": " + e.getMessage());
        }
    }

    private void directive(Block block, Line line, String verb, List<String> args) {
        switch (verb) {
            case "go" -> {
                require(go.isEmpty(), "repeated go statement");
                require(args.size() == 1, "go directive expects exactly one argument");
                go = Optional.of(DirectiveArgs.goVersion(args.get(0), !strict));
            }
            case "toolchain" -> {
                require(toolchain.isEmpty(), "repeated toolchain statement");
                require(args.size() == 1, "toolchain directive expects exactly one argument");
                toolchain = Optional.of(DirectiveArgs.toolchain(args.get(0)));
            }
            case "module" -> {
                require(!moduleSeen, "repeated module statement");
                moduleSeen = true;
                deprecated = deprecation(Comments.directive(block, line));
                require(args.size() == 1, "usage: module module/path");
                module = Optional.of(DirectiveArgs.string(args.get(0)));
            }
            case "godebug" -> godebug.add(DirectiveArgs.goDebug(args));
            case "require", "exclude" -> {
                require(args.size() == 2, "usage: " + verb + " module/path v1.2.3");
                String path = DirectiveArgs.string(args.get(0));
                String version = DirectiveArgs.version(verb, path, args.get(1));
                DirectiveArgs.checkPathMajor(verb, path, version);
                if (verb.equals("require")) {
                    require.add(new Requirement(path, version, Comments.isIndirect(line)));
                } else {
                    exclude.add(new Exclusion(path, version));
                }
            }
            case "replace" -> replace.add(DirectiveArgs.replacement(verb, args));
            case "retract" -> retract(block, line, args);
            case "tool", "ignore" -> {
                require(args.size() == 1, verb + " directive expects exactly one argument");
                (verb.equals("tool") ? tool : ignore).add(DirectiveArgs.string(args.get(0)));
            }
            default -> throw new InvalidDirective("unknown directive: " + verb);
        }
    }

    private void retract(Block block, Line line, List<String> args) {
        Interval interval;
        try {
            interval = DirectiveArgs.interval(args);
        } catch (InvalidDirective e) {
            if (strict) {
                throw e;
            }
            return; // a dependency may use interval syntax this reader does not know yet
        }
        if (interval.rest() > 0 && strict) {
            throw new InvalidDirective(
                    "unexpected token after version: " + DirectiveArgs.quote(args.get(args.size() - interval.rest())));
        }
        retract.add(new Retraction(interval.low(), interval.high(), Comments.directive(block, line)));
    }

    /** parseDeprecation: the first paragraph of the module's comments that starts with "Deprecated:". */
    private static Optional<String> deprecation(String comment) {
        Matcher m = DEPRECATED.matcher(comment);
        return m.find() ? Optional.of(m.group(1)).filter(text -> !text.isEmpty()) : Optional.empty();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidDirective(message);
        }
    }
}

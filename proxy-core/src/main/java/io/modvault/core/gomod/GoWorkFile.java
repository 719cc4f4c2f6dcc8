package io.modvault.core.gomod;

import io.modvault.core.gomod.DirectiveArgs.InvalidDirective;
import io.modvault.core.gomod.GoModSyntax.Block;
import io.modvault.core.gomod.GoModSyntax.Line;
import io.modvault.core.gomod.GoModSyntax.Statement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A go.work file as x/mod's {@code ParseWork} reads it: the {@code go} and {@code toolchain}
 * versions, {@code godebug} settings, the module directories in {@code use} (relative to the
 * file's directory) and the workspace's {@code replace} directives, which apply to every module
 * in it. Single lines and blocks alike; anything else is an error, as for the go command.
 */
public record GoWorkFile(
        Optional<String> go,
        Optional<String> toolchain,
        List<GoDebug> godebug,
        List<String> use,
        List<Replacement> replace) {
    private static final Set<String> BLOCK_VERBS = Set.of("godebug", "use", "replace");

    public GoWorkFile {
        Objects.requireNonNull(go, "go");
        Objects.requireNonNull(toolchain, "toolchain");
        godebug = List.copyOf(godebug);
        use = List.copyOf(use);
        replace = List.copyOf(replace);
    }

    /**
     * ParseWork without a version fixer.
     *
     * @param fileName names the file in error messages
     * @throws GoModException with every error, positioned
     */
    public static GoWorkFile parse(String fileName, byte[] data) {
        List<String> errors = new ArrayList<>();
        GoWorkFile work = new GoWorkFile(Optional.empty(), Optional.empty(), List.of(), List.of(), List.of());
        for (Statement statement : GoModSyntax.parse(fileName, new String(data, StandardCharsets.UTF_8))) {
            if (statement instanceof Line line) {
                work = work.add(
                        fileName,
                        line,
                        line.tokens().get(0),
                        line.tokens().subList(1, line.tokens().size()),
                        errors);
            } else if (statement instanceof Block block) {
                if (block.tokens().size() > 1
                        || !BLOCK_VERBS.contains(block.tokens().get(0))) {
                    errors.add(GoModException.position(fileName, block.number(), block.column())
                            + ": unknown block type: " + String.join(" ", block.tokens()));
                    continue;
                }
                for (Line line : block.lines()) {
                    work = work.add(fileName, line, block.tokens().get(0), line.tokens(), errors);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new GoModException(errors);
        }
        return work;
    }

    private GoWorkFile add(String fileName, Line line, String verb, List<String> args, List<String> errors) {
        try {
            return with(verb, args);
        } catch (InvalidDirective e) {
            errors.add(GoModException.position(fileName, line.number(), line.column()) + ": " + e.getMessage());
            return this;
        }
    }

    private GoWorkFile with(String verb, List<String> args) {
        return switch (verb) {
            case "go" -> {
                check(go.isEmpty(), "repeated go statement");
                check(args.size() == 1, "go directive expects exactly one argument");
                yield new GoWorkFile(
                        Optional.of(DirectiveArgs.goVersion(args.get(0), false)), toolchain, godebug, use, replace);
            }
            case "toolchain" -> {
                check(toolchain.isEmpty(), "repeated toolchain statement");
                check(args.size() == 1, "toolchain directive expects exactly one argument");
                yield new GoWorkFile(go, Optional.of(DirectiveArgs.toolchain(args.get(0))), godebug, use, replace);
            }
            case "godebug" -> new GoWorkFile(go, toolchain, plus(godebug, DirectiveArgs.goDebug(args)), use, replace);
            case "use" -> {
                check(args.size() == 1, "usage: use local/dir");
                yield new GoWorkFile(go, toolchain, godebug, plus(use, DirectiveArgs.string(args.get(0))), replace);
            }
            case "replace" ->
                new GoWorkFile(go, toolchain, godebug, use, plus(replace, DirectiveArgs.replacement(verb, args)));
            default -> throw new InvalidDirective("unknown directive: " + verb);
        };
    }

    private static <T> List<T> plus(List<T> list, T element) {
        List<T> longer = new ArrayList<>(list);
        longer.add(element);
        return longer;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new InvalidDirective(message);
        }
    }
}

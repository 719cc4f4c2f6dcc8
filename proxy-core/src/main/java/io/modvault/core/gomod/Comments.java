package io.modvault.core.gomod;

import io.modvault.core.gomod.GoModSyntax.Block;
import io.modvault.core.gomod.GoModSyntax.Line;
import java.util.ArrayList;
import java.util.List;

/** What x/mod reads from a directive's comments: its text (parseDirectiveComment) and the {@code // indirect} mark. */
final class Comments {

    private Comments() {}

    /**
     * The comments above and after a directive, without their slashes, one per line; a line in a
     * block that has none of its own takes the block's. Blank-line markers are skipped.
     */
    static String directive(Block block, Line line) {
        List<String> comments = new ArrayList<>(line.before());
        line.suffix().ifPresent(comments::add);
        if (block != null && comments.isEmpty()) {
            comments = block.before();
        }
        List<String> lines = new ArrayList<>();
        for (String comment : comments) {
            if (comment.startsWith("//")) {
                lines.add(DirectiveArgs.trimSpace(comment.substring(2)));
            }
        }
        return String.join("\n", lines);
    }

    /** isIndirect: the end-of-line comment is {@code // indirect}, or starts with {@code // indirect;}. */
    static boolean isIndirect(Line line) {
        if (line.suffix().isEmpty()) {
            return false;
        }
        List<String> f = DirectiveArgs.fields(line.suffix().get().substring(2));
        return f.size() == 1 && f.get(0).equals("indirect")
                || f.size() > 1 && f.get(0).equals("indirect;");
    }
}

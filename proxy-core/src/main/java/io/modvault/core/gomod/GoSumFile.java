package io.modvault.core.gomod;

import io.modvault.sumdb.GoSumLine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A go.sum file read as the go command's {@code readGoSum} reads it: one {@link GoSumLine} per
 * non-blank line ({@code module version[/go.mod] hash}, where a {@code /go.mod} version names the
 * hash of the go.mod alone and any other that of the module zip), in file order. A line without
 * exactly three fields is an error; lines with the hash of an empty go.mod, which an old go
 * command wrote by mistake, are dropped as the go command drops them.
 */
public final class GoSumFile {
    /** The h1 hash of an empty go.mod, written by a bug in early go commands. */
    static final String EMPTY_GO_MOD_HASH = "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=";

    private GoSumFile() {}

    /**
     * The lines of a go.sum file.
     *
     * @param fileName names the file in error messages
     * @throws GoModException naming the first malformed line
     */
    public static List<GoSumLine> parse(String fileName, byte[] data) {
        List<GoSumLine> lines = new ArrayList<>();
        String[] raw = new String(data, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            if (DirectiveArgs.trimSpace(raw[i]).isEmpty()) {
                continue;
            }
            List<String> fields = DirectiveArgs.fields(raw[i]);
            if (fields.size() != 3) {
                throw GoModException.at(fileName, i + 1, 0, "wrong number of fields " + fields.size());
            }
            if (fields.get(2).equals(EMPTY_GO_MOD_HASH)) {
                continue;
            }
            lines.add(new GoSumLine(fields.get(0), fields.get(1), fields.get(2)));
        }
        return List.copyOf(lines);
    }
}

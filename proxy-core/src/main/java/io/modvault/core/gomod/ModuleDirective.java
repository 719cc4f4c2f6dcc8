package io.modvault.core.gomod;

import java.nio.charset.StandardCharsets;

/**
 * x/mod's {@code modfile.ModulePath}: the path of a go.mod's first {@code module} line, found by
 * the same tolerant line scan, so a go.mod whose other lines do not parse still names its module.
 */
public final class ModuleDirective {
    private ModuleDirective() {}

    /** The first {@code module} line's path, "" when there is none or it is malformed. */
    public static String path(byte[] goMod) {
        for (String raw : new String(goMod, StandardCharsets.UTF_8).split("\n", -1)) {
            String line = raw;
            int comment = line.indexOf("//");
            if (comment >= 0) {
                line = line.substring(0, comment);
            }
            line = line.strip();
            if (!line.startsWith("module")) {
                continue;
            }
            String rest = line.substring("module".length());
            String trimmed = rest.strip();
            if (trimmed.length() == rest.length() || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.charAt(0) == '"' || trimmed.charAt(0) == '`') {
                return GoQuoted.unquote(trimmed).orElse("");
            }
            return trimmed;
        }
        return "";
    }
}

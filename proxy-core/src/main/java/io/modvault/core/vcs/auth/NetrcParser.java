package io.modvault.core.vcs.auth;

import io.modvault.core.vcs.GoStrings;
import java.util.ArrayList;
import java.util.List;

/**
 * The go command's netrc reader ({@code cmd/go/internal/auth/netrc.go parseNetrc}), bug for bug:
 * tokens are read in key/value pairs within each line; {@code machine} starts an entry, which is
 * kept once it has a login and a password; {@code macdef} skips the following lines up to an
 * empty one; a line ending in {@code default} stops the file, and the default entry itself is
 * never used; other keys ({@code account}, ...) are skipped with their value. No quoting.
 */
final class NetrcParser {

    private NetrcParser() {}

    /** The complete entries, in file order, each marked with {@code source}. */
    static List<Credential> parse(String data, String source) {
        List<Credential> entries = new ArrayList<>();
        String machine = "";
        String login = "";
        String password = "";
        boolean inMacro = false;
        for (String line : data.split("\n", -1)) {
            if (inMacro) {
                if (line.isEmpty()) {
                    inMacro = false;
                }
                continue;
            }
            List<String> f = GoStrings.fields(line);
            int i = 0;
            for (; i < f.size() - 1; i += 2) {
                switch (f.get(i)) {
                    case "machine" -> {
                        machine = f.get(i + 1);
                        login = "";
                        password = "";
                    }
                    case "login" -> login = f.get(i + 1);
                    case "password" -> password = f.get(i + 1);
                    case "macdef" -> inMacro = true;
                    default -> {
                        // "default" and unknown keys: the value is skipped with the key
                    }
                }
                if (!machine.isEmpty() && !login.isEmpty() && !password.isEmpty()) {
                    entries.add(new Credential(machine, login, password, source));
                    machine = "";
                    login = "";
                    password = "";
                }
            }
            if (i < f.size() && f.get(i).equals("default")) {
                break;
            }
        }
        return entries;
    }
}

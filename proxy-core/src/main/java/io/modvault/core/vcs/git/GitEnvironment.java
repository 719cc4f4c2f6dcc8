package io.modvault.core.vcs.git;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The environment of every git process: the server's own (proxies, HOME, credential helpers),
 * made non-interactive and English, pointed at one git directory, with extra config entries
 * appended as {@code GIT_CONFIG_KEY_n}/{@code GIT_CONFIG_VALUE_n} after any the operator set.
 */
final class GitEnvironment {

    private GitEnvironment() {}

    static void apply(Map<String, String> target, Map<String, String> base, Path gitDir, List<String> extraConfig) {
        target.clear();
        target.putAll(base);
        target.keySet().removeIf(GitEnvironment::dropped);
        target.put("GIT_TERMINAL_PROMPT", "0");
        target.put("GCM_INTERACTIVE", "never");
        target.put("LC_ALL", "C");
        target.put("LANGUAGE", "C");
        // Explicit GIT_DIR keeps working under safe.bareRepository=explicit, as in the go command.
        target.put("GIT_DIR", gitDir.toString());
        if (!extraConfig.isEmpty()) {
            int count = existingCount(base);
            for (String entry : extraConfig) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("git config entries must be key=value");
                }
                target.put("GIT_CONFIG_KEY_" + count, entry.substring(0, eq));
                target.put("GIT_CONFIG_VALUE_" + count, entry.substring(eq + 1));
                count++;
            }
            target.put("GIT_CONFIG_COUNT", Integer.toString(count));
        }
    }

    /** Variables that would prompt a person or print request headers (and so credentials). */
    private static boolean dropped(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("GIT_ASKPASS")
                || upper.equals("SSH_ASKPASS")
                || upper.equals("GIT_DIR")
                || upper.equals("GIT_WORK_TREE")
                || upper.startsWith("GIT_TRACE")
                || upper.equals("GIT_CURL_VERBOSE");
    }

    private static int existingCount(Map<String, String> base) {
        String count = base.get("GIT_CONFIG_COUNT");
        if (count == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(count.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

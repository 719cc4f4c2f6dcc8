package io.modvault.core.policy;

import io.modvault.core.upstream.ProxyChain;
import java.util.List;

/**
 * Checks an upstream chain written in the GOPROXY grammar (modfetch {@code proxyList}) when the
 * routing policy is built, so a mistyped MODVAULT_ROUTES rule fails at start-up rather than on
 * the first request for a module it covers. Building the chain stays with the upstream package.
 */
final class GoproxySyntax {

    private GoproxySyntax() {}

    /**
     * @param context names the rule in messages, e.g. {@code MODVAULT_ROUTES rule "corp.example=..."}
     * @throws IllegalArgumentException for an empty list or an invalid entry
     */
    static void check(String chain, String context, List<String> warnings) {
        int entries = 0;
        String rest = chain;
        while (!rest.isEmpty()) {
            int sep = separator(rest);
            String entry = (sep < 0 ? rest : rest.substring(0, sep)).strip();
            rest = sep < 0 ? "" : rest.substring(sep + 1);
            if (entry.isEmpty()) {
                continue;
            }
            entries++;
            if (entry.equals("off") || entry.equals("direct")) {
                if (!rest.replace(",", "").replace("|", "").isBlank()) {
                    // The go command stops parsing here too; say so instead of ignoring it silently.
                    warnings.add(context + ": entries after '" + entry + "' are never used");
                }
                break;
            }
            checkUrl(entry, context);
        }
        if (entries == 0) {
            throw new IllegalArgumentException(context + ": the upstream chain names no entries");
        }
    }

    private static int separator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',' || s.charAt(i) == '|') {
                return i;
            }
        }
        return -1;
    }

    private static void checkUrl(String entry, String context) {
        try {
            ProxyChain.entryUri(entry);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(context + ": " + e.getMessage(), e);
        }
    }
}

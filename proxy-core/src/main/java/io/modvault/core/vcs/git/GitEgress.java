package io.modvault.core.vcs.git;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's egress settings translated for git's libcurl, so a direct fetch leaves the network
 * the way the go command's requests do. curl reads {@code HTTPS_PROXY}, {@code https_proxy},
 * {@code ALL_PROXY} and {@code NO_PROXY} itself (credentials in the URL included, https:// and
 * socks5:// proxies too), but ignores upper-case {@code HTTP_PROXY} (a CGI safety rule), so
 * that one is copied to {@code http_proxy}; {@code socks5://} becomes {@code socks5h://}, because Go
 * lets the SOCKS proxy resolve host names and curl's {@code socks5://} would resolve them
 * locally. A CA bundle becomes {@code GIT_SSL_CAINFO} unless the operator set one, and
 * {@code http.proxySSLCAInfo} when a proxy is an https:// one.
 */
public final class GitEgress {
    private GitEgress() {}

    /** {@code env} with the adjustments above; {@code env} itself is not changed. */
    public static Map<String, String> environment(Map<String, String> env, Optional<Path> caBundle) {
        Map<String, String> out = new HashMap<>(env);
        String upper = env.get("HTTP_PROXY");
        String lower = env.get("http_proxy");
        if (upper != null && !upper.isEmpty() && (lower == null || lower.isEmpty())) {
            out.put("http_proxy", upper);
        }
        for (String name : new String[] {"HTTPS_PROXY", "https_proxy", "http_proxy", "ALL_PROXY", "all_proxy"}) {
            String value = out.get(name);
            if (value != null && value.strip().toLowerCase(Locale.ROOT).startsWith("socks5://")) {
                out.put(name, "socks5h://" + value.strip().substring("socks5://".length()));
            }
        }
        caBundle.ifPresent(path -> {
            out.putIfAbsent("GIT_SSL_CAINFO", path.toString());
            if (httpsProxy(out)) {
                appendConfig(out, "http.proxySSLCAInfo", path.toString());
            }
        });
        return Map.copyOf(out);
    }

    /** An https:// proxy's certificate is checked against http.proxySSLCAInfo, not GIT_SSL_CAINFO. */
    private static boolean httpsProxy(Map<String, String> env) {
        return env.entrySet().stream()
                .anyMatch(e -> e.getKey().toLowerCase(Locale.ROOT).matches("https?_proxy|all_proxy")
                        && e.getValue().strip().toLowerCase(Locale.ROOT).startsWith("https://"));
    }

    /** One more entry after the operator's own {@code GIT_CONFIG_COUNT} ones. */
    private static void appendConfig(Map<String, String> env, String key, String value) {
        int count;
        try {
            count = Math.max(
                    0,
                    Integer.parseInt(env.getOrDefault("GIT_CONFIG_COUNT", "0").strip()));
        } catch (NumberFormatException e) {
            count = 0;
        }
        env.put("GIT_CONFIG_KEY_" + count, key);
        env.put("GIT_CONFIG_VALUE_" + count, value);
        env.put("GIT_CONFIG_COUNT", Integer.toString(count + 1));
    }
}

package io.modvault.core.upstream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed {@code NO_PROXY} value with the semantics of Go's {@code x/net/http/httpproxy}:
 * comma-separated entries, each {@code *} (everything), an IP address or CIDR block, or a domain
 * that matches itself and its subdomains ({@code .example.com} and {@code *.example.com} match
 * subdomains only); IP and domain entries may carry a {@code :port}. {@code localhost} and
 * loopback addresses always bypass the proxy. Malformed entries are ignored, as in Go.
 */
final class NoProxyRules {

    private sealed interface Rule permits Everything, Cidr, Ip, Domain {
        boolean matches(String host, String port, Optional<byte[]> ip);
    }

    private record Everything() implements Rule {
        @Override
        public boolean matches(String host, String port, Optional<byte[]> ip) {
            return true;
        }
    }

    private record Cidr(byte[] network, int prefix) implements Rule {
        @Override
        public boolean matches(String host, String port, Optional<byte[]> ip) {
            if (ip.isEmpty() || ip.get().length != network.length) {
                return false;
            }
            byte[] address = ip.get();
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Ip(byte[] address, String port) implements Rule {
        @Override
        public boolean matches(String host, String port, Optional<byte[]> ip) {
            return ip.isPresent()
                    && Arrays.equals(address, ip.get())
                    && (this.port.isEmpty() || this.port.equals(port));
        }
    }

    /** {@code suffix} starts with '.'; {@code matchHost} also accepts the bare domain. */
    private record Domain(String suffix, String port, boolean matchHost) implements Rule {
        @Override
        public boolean matches(String host, String port, Optional<byte[]> ip) {
            boolean hostMatches = host.endsWith(suffix) || (matchHost && host.equals(suffix.substring(1)));
            return hostMatches && (this.port.isEmpty() || this.port.equals(port));
        }
    }

    private final List<Rule> rules;

    private NoProxyRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    static NoProxyRules parse(String noProxy) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : noProxy.split(",")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return new NoProxyRules(List.of(new Everything()));
            }
            Optional<Rule> cidr = parseCidr(entry);
            if (cidr.isPresent()) {
                rules.add(cidr.get());
                continue;
            }
            String host = entry;
            String port = "";
            Optional<String[]> split = splitHostPort(entry);
            if (split.isPresent()) {
                host = split.get()[0];
                port = split.get()[1];
                if (host.isEmpty()) {
                    continue;
                }
            }
            Optional<byte[]> ip = IpLiterals.parse(host);
            if (ip.isPresent()) {
                rules.add(new Ip(ip.get(), port));
                continue;
            }
            if (host.startsWith("*.")) {
                host = host.substring(1);
            }
            boolean matchHost = host.charAt(0) != '.';
            rules.add(new Domain(matchHost ? "." + host : host, port, matchHost));
        }
        return new NoProxyRules(rules);
    }

    /**
     * Whether a request to {@code host} (lower-case, IPv6 without brackets) on {@code port} goes
     * direct.
     */
    boolean bypass(String host, int port) {
        if (host.equals("localhost")) {
            return true;
        }
        Optional<byte[]> ip = IpLiterals.parse(host);
        if (ip.isPresent() && IpLiterals.isLoopback(ip.get())) {
            return true;
        }
        String portText = Integer.toString(port);
        return rules.stream().anyMatch(rule -> rule.matches(host, portText, ip));
    }

    private static Optional<Rule> parseCidr(String entry) {
        int slash = entry.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String bits = entry.substring(slash + 1);
        Optional<byte[]> ip = IpLiterals.parse(entry.substring(0, slash));
        if (ip.isEmpty() || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int prefix = Integer.parseInt(bits);
        boolean written6 = entry.substring(0, slash).indexOf(':') >= 0;
        if (written6 && ip.get().length == 4) {
            // An IPv4-mapped block such as ::ffff:10.0.0.0/104 covers IPv4 addresses.
            prefix -= 96;
        }
        int max = written6 ? 128 : 32;
        if (prefix < 0 || prefix > max || prefix > ip.get().length * 8) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(ip.get(), prefix));
    }

    /** Go's {@code net.SplitHostPort}: "host:port" or "[v6]:port"; brackets are removed. */
    static Optional<String[]> splitHostPort(String s) {
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0 || close + 1 >= s.length() || s.charAt(close + 1) != ':') {
                return Optional.empty();
            }
            String port = s.substring(close + 2);
            return port.contains(":") ? Optional.empty() : Optional.of(new String[] {s.substring(1, close), port});
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0 || s.substring(0, colon).contains(":") || s.contains("[") || s.contains("]")) {
            return Optional.empty();
        }
        return Optional.of(new String[] {s.substring(0, colon), s.substring(colon + 1)});
    }
}

package io.modvault.core.upstream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Parses IP address literals without ever touching DNS, with Go's {@code net.ParseIP} rules:
 * IPv4 as exactly four decimal parts without leading zeros, IPv6 without a zone. IPv4-mapped
 * IPv6 addresses come back as their 4-byte IPv4 form, matching Go's {@code IP.Equal}.
 */
final class IpLiterals {

    private IpLiterals() {}

    static Optional<byte[]> parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return parseV4(text);
    }

    static boolean isLoopback(byte[] ip) {
        if (ip.length == 4) {
            return ip[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[15] == 1;
    }

    private static Optional<byte[]> parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] ip = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty()
                    || part.length() > 3
                    || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return Optional.empty();
            }
            ip[i] = (byte) value;
        }
        return Optional.of(ip);
    }

    private static Optional<byte[]> parseV6(String text) {
        if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return Optional.empty();
        }
        try {
            // Brackets make the JDK treat the text as an IPv6 literal only, never as a host name.
            return Optional.of(InetAddress.getByName("[" + text + "]").getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}

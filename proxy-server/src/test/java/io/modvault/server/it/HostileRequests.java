package io.modvault.server.it;

import java.util.List;
import java.util.Random;

/**
 * A seeded generator of GOPROXY request paths in two classes: well-formed ones (a module path and
 * version Go accepts, which may or may not exist upstream) and ones Go rejects by construction
 * (each is a well-formed path with exactly one mutation that x/mod's {@code CheckPath},
 * {@code UnescapePath}/{@code UnescapeVersion} or the canonical-version rule refuses). The rules
 * used here are written down from x/mod independently of modvault's own parser, so the fuzzer
 * judges the parser rather than repeating it.
 */
final class HostileRequests {
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
    private static final List<String> FORBIDDEN_IN_ELEMENT = List.of(
            "%20",
            "%22", "'", "%3C", "%3E", "%5C", "%60", "%7C", "*", ":", ";", ",", "$", "&", "=", "%C3%A9", "%01", "%00",
            "%7F", "[", "]", "(", ")", "{", "}", "^", "+");
    private static final List<String> WINDOWS_RESERVED = List.of("con", "aux", "nul", "prn", "com1", "lpt9", "nul.txt");
    private static final List<String> BAD_CANONICAL = List.of(
            "v1",
            "v1.2",
            "1.2.3",
            "v01.2.3",
            "v1.02.3",
            "v1.2.3-",
            "v1.2.3+meta",
            "v1.2.3-rc..1",
            "latest",
            "master",
            "v1.2.3.4",
            "",
            "v",
            "v1.2.3-!r!c1!");
    private final Random random;

    HostileRequests(long seed) {
        this.random = new Random(seed);
    }

    /** A module path Go accepts, bang-escaped as on the wire, with a major suffix sometimes. */
    String validModule() {
        StringBuilder path = new StringBuilder(word(3, 8)).append('.').append(pick("test", "example", "corp.test"));
        int elements = 1 + random.nextInt(3);
        for (int i = 0; i < elements; i++) {
            path.append('/').append(element());
        }
        if (random.nextInt(5) == 0) {
            path.append("/v").append(2 + random.nextInt(8));
        }
        return path.toString();
    }

    /** A well-formed request for {@code module}: list, latest, or a file of a canonical version. */
    String validRequest(String module) {
        return "/" + module
                + switch (random.nextInt(6)) {
                    case 0 -> "/@v/list";
                    case 1 -> "/@latest";
                    default -> "/@v/" + canonicalVersionFor(module) + pick(".info", ".mod", ".zip");
                };
    }

    /** A request Go rejects: one mutation of a well-formed module path or canonical version. */
    String invalidRequest() {
        String module = validModule();
        int slash = module.indexOf('/');
        String first = module.substring(0, slash);
        String rest = module.substring(slash);
        String file = pick(".mod", ".zip");
        return switch (random.nextInt(14)) {
            case 0 -> "/" + module + "/" + pick("..", ".", "%2e%2e", "%2E", ".%2e") + "/x/@v/list";
            case 1 -> "/" + module + "//x/@v/list";
            case 2 -> "/" + first + "/" + word(2, 5) + upper() + word(1, 4) + "/@v/list";
            case 3 -> "/" + module + "/" + word(2, 5) + pick("!", "!A", "!1", "!!", "!-") + "/@v/list";
            case 4 -> "/" + module + "/" + word(2, 5) + pick(FORBIDDEN_IN_ELEMENT) + word(1, 4) + "/@v/list";
            case 5 -> "/" + word(4, 9) + rest + "/@v/list";
            case 6 -> "/-" + first + rest + "/@latest";
            case 7 -> "/" + module + "/" + pick(".hidden", "trailing.", "...") + "/@v/list";
            case 8 -> "/" + module + "/" + pick(WINDOWS_RESERVED) + "/@v/list";
            case 9 -> "/" + module + "/@v/" + pick(BAD_CANONICAL) + file;
            case 10 -> "/" + module + "/@v/v1.2.3-" + word(1, 3) + upper() + file;
            case 11 -> "/" + module + "/@v/" + mismatchedMajor(module) + file;
            case 12 -> "/" + module + pick("%2f", "%2F") + "x/@v/list";
            default -> "/" + module + "/" + "a".repeat(2100) + "/@v/list";
        };
    }

    /** A checksum-database lookup of a well-formed or mutated module, for {@code name}. */
    String sumdbLookup(String name, boolean valid) {
        String module = valid ? validModule() : invalidRequest().substring(1).replaceFirst("/@.*$", "");
        String version = valid ? canonicalVersionFor(module) : pick(BAD_CANONICAL);
        return "/sumdb/" + name + "/lookup/" + module + "@" + version;
    }

    /** Bytes no client should send: a random request line, method and header mix. */
    byte[] garbageHead() {
        StringBuilder head = new StringBuilder();
        String method = pick("GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "G\u00e9T", "get", "CONNECT");
        String target = switch (random.nextInt(6)) {
            case 0 -> randomBytesPath(1 + random.nextInt(300));
            case 1 -> "http://evil.example/" + validModule() + "/@v/list";
            case 2 -> "*";
            case 3 -> "/" + "%".repeat(1 + random.nextInt(5)) + word(1, 4);
            case 4 -> "/" + validModule() + "/@v/list?" + randomBytesPath(50) + "#frag";
            default -> "../../../../etc/passwd";
        };
        head.append(method)
                .append(' ')
                .append(target)
                .append(' ')
                .append(pick("HTTP/1.1", "HTTP/1.0", "HTTP/9.9", ""))
                .append("\r\n");
        head.append("Host: 127.0.0.1\r\n");
        if (random.nextBoolean()) {
            head.append(pick(
                            "X-Long: " + "x".repeat(9000),
                            "Range: bytes=" + pick("-", "9-1", "0-999999999999999999999", "a-b"),
                            "If-None-Match: " + randomBytesPath(40),
                            "Content-Length: 0",
                            "Bad Header\u0001: v",
                            ": empty name"))
                    .append("\r\n");
        }
        return head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private String canonicalVersionFor(String module) {
        int major = majorOf(module);
        String base = major >= 2 ? "v" + major : "v" + random.nextInt(2);
        String version = base + "." + random.nextInt(20) + "." + random.nextInt(20);
        return switch (random.nextInt(4)) {
            case 0 -> version + "-" + pick("rc.1", "beta", "pre.0.1", "alpha.2");
            case 1 -> base + ".0.0-20240102030405-" + hex(12);
            case 2 -> major < 2 && random.nextBoolean() ? "v" + (2 + random.nextInt(5)) + ".0.0+incompatible" : version;
            default -> version;
        };
    }

    private String mismatchedMajor(String module) {
        int major = majorOf(module);
        return major >= 2 ? "v" + (major == 2 ? 3 : 1) + ".0.0" : "v" + (2 + random.nextInt(5)) + ".1.0";
    }

    private static int majorOf(String module) {
        int slash = module.lastIndexOf('/');
        String last = module.substring(slash + 1);
        return last.matches("v[0-9]+") ? Integer.parseInt(last.substring(1)) : 0;
    }

    private String element() {
        StringBuilder element = new StringBuilder(word(4, 8));
        if (random.nextInt(3) == 0) {
            element.append('!').append(LOWER.charAt(random.nextInt(LOWER.length())));
        }
        if (random.nextInt(3) == 0) {
            element.append(pick("-", "_", ".")).append(word(1, 4));
        }
        return element.toString();
    }

    private String randomBytesPath(int length) {
        StringBuilder path = new StringBuilder("/");
        for (int i = 0; i < length; i++) {
            char c = (char) (0x21 + random.nextInt(0x5e));
            path.append(c);
        }
        return path.toString();
    }

    private String word(int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append(LOWER.charAt(random.nextInt(LOWER.length())));
        }
        return word.toString();
    }

    private String hex(int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hex.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return hex.toString();
    }

    private char upper() {
        return Character.toUpperCase(LOWER.charAt(random.nextInt(LOWER.length())));
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}

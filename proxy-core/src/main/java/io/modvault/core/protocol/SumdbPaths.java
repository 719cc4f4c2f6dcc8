package io.modvault.core.protocol;

import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.protocol.ParseResult.Parsed;
import java.util.regex.Pattern;

/**
 * Grammar of {@code /sumdb/<name>/…}: {@code supported}, {@code latest}, {@code lookup/<m>@<v>}
 * and {@code tile/<H>/<L|data>/<NNN>[.p/<W>]}. Lookups are re-encoded canonically so that
 * {@code !} and {@code %21} spellings share one cache entry and one upstream URL.
 */
final class SumdbPaths {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,252}(:[0-9]{1,5})?");
    private static final Pattern TILE =
            Pattern.compile("tile/[1-9][0-9]?/(data|[0-9]{1,3})/(x[0-9]{3}/){0,6}[0-9]{3}(\\.p/[1-9][0-9]{0,8})?");

    private SumdbPaths() {}

    static ParseResult parse(String path) {
        int slash = path.indexOf('/');
        if (slash <= 0) {
            return ProxyRequestParser.notFound("not a checksum database path");
        }
        String name = path.substring(0, slash);
        String rest = path.substring(slash + 1);
        if (!NAME.matcher(name).matches()) {
            return ProxyRequestParser.bad("malformed checksum database name");
        }
        if (rest.equals("supported")
                || rest.equals("latest")
                || TILE.matcher(rest).matches()) {
            return new Parsed(new ProxyRequest.Sumdb(name, rest));
        }
        if (rest.startsWith("lookup/")) {
            String target = rest.substring("lookup/".length());
            int at = target.lastIndexOf('@');
            if (at <= 0) {
                return ProxyRequestParser.bad("malformed lookup: want <module>@<version>");
            }
            ModulePath module = ModulePath.parseEscaped(target.substring(0, at));
            String version = ModuleVersion.unescape(target.substring(at + 1));
            ModuleVersion.check(module, version);
            return new Parsed(
                    new ProxyRequest.Sumdb(name, "lookup/" + module.escaped() + "@" + ModuleVersion.escape(version)));
        }
        return ProxyRequestParser.notFound("not a checksum database path");
    }
}

package io.modvault.core.protocol;

import io.modvault.core.module.InvalidModuleException;
import io.modvault.core.module.ModulePath;
import io.modvault.core.module.ModuleVersion;
import io.modvault.core.protocol.ParseResult.Parsed;
import io.modvault.core.protocol.ParseResult.Rejected;
import java.util.Optional;

/**
 * The only code that knows the GOPROXY URL grammar. It percent-decodes (never form-decodes),
 * refuses dot segments, encoded slashes and oversized paths before anything else looks at them,
 * then bang-unescapes and validates module paths and versions by Go's rules. Paths outside the
 * protocol get 404 (so a client's comma-separated GOPROXY list falls through); malformed module
 * paths or versions get 400. Nothing here does I/O, so it runs on the event loop.
 */
public final class ProxyRequestParser {
    /** Longest request path accepted; real module URLs are far shorter. */
    public static final int MAX_PATH_LENGTH = 2048;

    private ProxyRequestParser() {}

    public static ParseResult parse(String rawUri) {
        String rawPath = stripQuery(rawUri);
        if (rawPath.length() > MAX_PATH_LENGTH) {
            return bad("path longer than " + MAX_PATH_LENGTH + " bytes");
        }
        if (!rawPath.startsWith("/")) {
            return bad("path must start with /");
        }
        Optional<String> decoded = PercentDecoding.decodePath(rawPath);
        if (decoded.isEmpty()) {
            return bad("malformed path: bad percent-encoding, encoded slash or non-ASCII byte");
        }
        String path = decoded.get().substring(1);
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return bad("malformed path: dot segment");
            }
        }
        try {
            return route(path);
        } catch (InvalidModuleException e) {
            return bad(e.getMessage());
        }
    }

    private static ParseResult route(String path) {
        if (path.startsWith("sumdb/")) {
            return SumdbPaths.parse(path.substring("sumdb/".length()));
        }
        if (path.endsWith("/@latest")) {
            return new Parsed(new ProxyRequest.Latest(module(path.substring(0, path.length() - 8))));
        }
        int at = path.indexOf("/@v/");
        if (at <= 0) {
            return notFound("not a GOPROXY path");
        }
        ModulePath module = module(path.substring(0, at));
        String file = path.substring(at + 4);
        if (file.equals("list")) {
            return new Parsed(new ProxyRequest.ListVersions(module));
        }
        int dot = file.lastIndexOf('.');
        if (dot <= 0 || file.indexOf('/') >= 0) {
            return notFound("not a GOPROXY path");
        }
        String version = ModuleVersion.unescape(file.substring(0, dot));
        return switch (file.substring(dot)) {
            case ".info" -> new Parsed(new ProxyRequest.Info(module, version, isCanonicalFor(module, version)));
            case ".mod" -> new Parsed(new ProxyRequest.Mod(module, canonical(module, version)));
            case ".zip" -> new Parsed(new ProxyRequest.Zip(module, canonical(module, version)));
            default -> notFound("not a GOPROXY path");
        };
    }

    private static ModulePath module(String escaped) {
        return ModulePath.parseEscaped(escaped);
    }

    private static boolean isCanonicalFor(ModulePath module, String version) {
        return ModuleVersion.isCanonical(version) && module.acceptsVersion(version);
    }

    private static String canonical(ModulePath module, String version) {
        ModuleVersion.check(module, version);
        return version;
    }

    private static String stripQuery(String uri) {
        int q = uri.indexOf('?');
        int h = uri.indexOf('#');
        int end = q >= 0 ? q : uri.length();
        if (h >= 0 && h < end) {
            end = h;
        }
        return uri.substring(0, end);
    }

    static Rejected bad(String reason) {
        return new Rejected(400, reason);
    }

    static Rejected notFound(String reason) {
        return new Rejected(404, reason);
    }
}

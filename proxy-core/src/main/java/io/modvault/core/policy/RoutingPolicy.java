package io.modvault.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides per module path where requests go, from the go command's private-module variables and
 * modvault's own rules. Precedence: MODVAULT_DENY (403) &gt; MODVAULT_ALLOW (when set, anything
 * else is 403) &gt; the first matching MODVAULT_ROUTES rule &gt; GONOPROXY (fetch directly from
 * the repository) &gt; the server's main chain. GONOPROXY and GONOSUMDB default to GOPRIVATE when
 * unset or empty, exactly like the go command; {@code none} gets no special meaning there either
 * (it is a pattern no valid module path matches). Glob lists of the GO* variables are used as
 * the go command uses them, untrimmed; surrounding spaces are reported by {@link #warnings()}.
 */
public final class RoutingPolicy {

    public static final String GOPRIVATE = "GOPRIVATE";
    public static final String GONOPROXY = "GONOPROXY";
    public static final String GONOSUMDB = "GONOSUMDB";
    public static final String GOINSECURE = "GOINSECURE";
    public static final String MODVAULT_DENY = "MODVAULT_DENY";
    public static final String MODVAULT_ALLOW = "MODVAULT_ALLOW";
    public static final String MODVAULT_ROUTES = "MODVAULT_ROUTES";

    private final PrefixPatterns privatePatterns;
    private final PrefixPatterns noProxy;
    private final PrefixPatterns noSumDb;
    private final PrefixPatterns insecure;
    private final NamedPatterns deny;
    private final NamedPatterns allow;
    private final RouteRules routes;
    private final List<String> warnings;

    private RoutingPolicy(Map<String, String> settings) {
        List<String> notes = new ArrayList<>();
        this.privatePatterns = goPatterns(settings, GOPRIVATE, "", notes);
        this.noProxy = goPatterns(settings, GONOPROXY, privatePatterns.toString(), notes);
        this.noSumDb = goPatterns(settings, GONOSUMDB, privatePatterns.toString(), notes);
        this.insecure = goPatterns(settings, GOINSECURE, "", notes);
        this.deny = NamedPatterns.parse(setting(settings, MODVAULT_DENY).orElse(""));
        this.allow = NamedPatterns.parse(setting(settings, MODVAULT_ALLOW).orElse(""));
        this.routes = RouteRules.parse(setting(settings, MODVAULT_ROUTES).orElse(""), MODVAULT_ROUTES, notes);
        this.warnings = List.copyOf(notes);
    }

    /**
     * Builds the policy from settings keyed by this class's constants (environment, file or flags;
     * absent and empty values mean unset).
     *
     * @throws IllegalArgumentException if MODVAULT_ROUTES is malformed; the message names the rule
     */
    public static RoutingPolicy fromSettings(Map<String, String> settings) {
        Objects.requireNonNull(settings, "settings");
        return new RoutingPolicy(settings);
    }

    /** The policy of an unconfigured server: every module goes to the main chain. */
    public static RoutingPolicy none() {
        return new RoutingPolicy(Map.of());
    }

    /** Where requests for {@code modulePath} go. */
    public Route route(String modulePath) {
        Objects.requireNonNull(modulePath, "modulePath");
        Optional<String> denied = deny.firstMatch(modulePath);
        if (denied.isPresent()) {
            return new Route.Denied(
                    modulePath + " is denied by " + MODVAULT_DENY + " pattern \"" + denied.get() + "\"");
        }
        if (!allow.isEmpty() && allow.firstMatch(modulePath).isEmpty()) {
            return new Route.Denied(
                    modulePath + " is not allowed: it matches no " + MODVAULT_ALLOW + " pattern (" + allow + ")");
        }
        Optional<Route> routed = routes.route(modulePath);
        if (routed.isPresent()) {
            return routed.get();
        }
        return noProxy.matches(modulePath) ? new Route.Direct() : new Route.Default();
    }

    /**
     * Whether GOINSECURE matches: a module path (the go command's use: its repository may be
     * reached over plain HTTP or unverified TLS) or a bare host name (as the first path element).
     */
    public boolean insecure(String hostOrModulePath) {
        return insecure.matches(Objects.requireNonNull(hostOrModulePath, "hostOrModulePath"));
    }

    /** Whether GONOSUMDB (by default GOPRIVATE) matches: never name the module to a checksum database. */
    public boolean skipsChecksumDatabase(String modulePath) {
        return noSumDb.matches(Objects.requireNonNull(modulePath, "modulePath"));
    }

    /** Whether GOPRIVATE matches. */
    public boolean isPrivate(String modulePath) {
        return privatePatterns.matches(Objects.requireNonNull(modulePath, "modulePath"));
    }

    /** The effective GONOPROXY patterns (GOPRIVATE when unset). */
    public PrefixPatterns noProxyPatterns() {
        return noProxy;
    }

    /** The effective GONOSUMDB patterns (GOPRIVATE when unset). */
    public PrefixPatterns noSumDbPatterns() {
        return noSumDb;
    }

    /** The GOINSECURE patterns. */
    public PrefixPatterns insecurePatterns() {
        return insecure;
    }

    /** Configuration that is valid but probably not what was meant, one sentence each, for the log. */
    public List<String> warnings() {
        return warnings;
    }

    @Override
    public String toString() {
        return "RoutingPolicy[GOPRIVATE=" + privatePatterns + " GONOPROXY=" + noProxy + " GONOSUMDB=" + noSumDb
                + " GOINSECURE=" + insecure + " " + MODVAULT_DENY + "=" + deny + " " + MODVAULT_ALLOW + "=" + allow
                + " " + MODVAULT_ROUTES + "=" + routes.size() + " rule(s)]";
    }

    private static Optional<String> setting(Map<String, String> settings, String key) {
        String value = settings.get(key);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** A GO* glob list, or {@code fallback} when unset; warns once, for the variable that was set. */
    private static PrefixPatterns goPatterns(
            Map<String, String> settings, String name, String fallback, List<String> warnings) {
        Optional<String> set = setting(settings, name);
        if (set.isEmpty()) {
            return PrefixPatterns.parse(fallback);
        }
        String value = set.get();
        for (String glob : value.split(",", -1)) {
            if (!glob.isEmpty() && !glob.equals(glob.strip())) {
                warnings.add(name + " entry \"" + glob + "\" has surrounding whitespace; like the go command,"
                        + " modvault does not trim it, so it matches no module path");
            }
        }
        return PrefixPatterns.parse(value);
    }
}

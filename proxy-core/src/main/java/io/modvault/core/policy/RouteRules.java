package io.modvault.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The MODVAULT_ROUTES setting: rules {@code patterns=chain} separated by {@code ;}, tried in
 * order, the first whose patterns match deciding. {@code patterns} is a comma-separated glob list
 * (see {@link NamedPatterns}); {@code chain} is a GOPROXY-style list, where plain {@code direct}
 * means fetching from the repository. Rules, patterns and chains are trimmed, so the value may be
 * spread over lines.
 */
final class RouteRules {

    private record Rule(NamedPatterns patterns, Route route) {}

    private final List<Rule> rules;

    private RouteRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * @throws IllegalArgumentException for a rule without {@code =}, without patterns, or with an
     *     invalid chain; the message quotes the rule
     */
    static RouteRules parse(String setting, String name, List<String> warnings) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : setting.split(";", -1)) {
            String text = raw.strip();
            if (text.isEmpty()) {
                continue;
            }
            String context = name + " rule \"" + text + "\"";
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(context + ": expected pattern=chain");
            }
            NamedPatterns patterns = NamedPatterns.parse(text.substring(0, eq));
            if (patterns.isEmpty()) {
                throw new IllegalArgumentException(context + ": no module pattern before '='");
            }
            String chain = text.substring(eq + 1).strip();
            GoproxySyntax.check(chain, context, warnings);
            Route route = chain.equals("direct") ? new Route.Direct() : new Route.Chain(chain);
            rules.add(new Rule(patterns, route));
        }
        return new RouteRules(rules);
    }

    Optional<Route> route(String modulePath) {
        for (Rule rule : rules) {
            if (rule.patterns().firstMatch(modulePath).isPresent()) {
                return Optional.of(rule.route());
            }
        }
        return Optional.empty();
    }

    int size() {
        return rules.size();
    }
}

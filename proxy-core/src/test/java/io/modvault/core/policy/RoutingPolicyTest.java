package io.modvault.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.core.policy.Route.Chain;
import io.modvault.core.policy.Route.Default;
import io.modvault.core.policy.Route.Denied;
import io.modvault.core.policy.Route.Direct;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingPolicyTest {

    private static RoutingPolicy policy(String... keyValues) {
        Map<String, String> settings = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put(keyValues[i], keyValues[i + 1]);
        }
        return RoutingPolicy.fromSettings(settings);
    }

    @Test
    void sendsEverythingToTheMainChainWhenUnconfigured() {
        RoutingPolicy policy = RoutingPolicy.none();

        assertThat(policy.route("github.com/org/repo")).isEqualTo(new Default());
        assertThat(policy.insecure("github.com")).isFalse();
        assertThat(policy.skipsChecksumDatabase("github.com/org/repo")).isFalse();
        assertThat(policy.warnings()).isEmpty();
    }

    /** test-vectors.md §I.1 through GONOPROXY: a match means a direct fetch, anything else the main chain. */
    @ParameterizedTest(name = "GONOPROXY=\"{0}\" {1} -> direct {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "/| rsc.io/quote| false",
                "*/quote| rsc.io/quote| true",
                "*/quo| rsc.io/quote| false",
                "*/quo??| rsc.io/quote| true",
                "*quo*| rsc.io/quote| false",
                "rsc.io/| rsc.io/quote| true",
                "rsc| rsc.io/quote| false",
                "rsc*| rsc.io/quote| true",
                "*/v3| rsc.io/quote/v3| false",
                "*/*/v3| rsc.io/quote/v3| true",
                "*/*/*,,| rsc.io/quote| false",
                ",,*/quote| rsc.io/quote| true",
            })
    void gonoproxyMatchesLikeTheGoCommand(String globs, String module, boolean direct) {
        Route route = policy(RoutingPolicy.GONOPROXY, globs).route(module);

        assertThat(route).isEqualTo(direct ? new Direct() : new Default());
    }

    /** test-vectors.md §I.2, the documented GOPRIVATE example. */
    @ParameterizedTest(name = "{0} -> private {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "git.corp.example.com/xyzzy| true",
                "corp.example.com| false",
                "rsc.io/private| true",
                "rsc.io/private/quux| true",
                "rsc.io/privateer| false",
                "github.com/org/repo/sub| false",
            })
    void goprivateIsTheDefaultForGonoproxyAndGonosumdb(String module, boolean isPrivate) {
        RoutingPolicy policy = policy(RoutingPolicy.GOPRIVATE, "*.corp.example.com,rsc.io/private");

        assertThat(policy.route(module)).isEqualTo(isPrivate ? new Direct() : new Default());
        assertThat(policy.skipsChecksumDatabase(module)).isEqualTo(isPrivate);
        assertThat(policy.isPrivate(module)).isEqualTo(isPrivate);
    }

    @Test
    void explicitGonoproxyReplacesGoprivateForRoutingOnly() {
        RoutingPolicy policy =
                policy(RoutingPolicy.GOPRIVATE, "corp.example", RoutingPolicy.GONOPROXY, "other.example");

        assertThat(policy.route("corp.example/repo")).isEqualTo(new Default());
        assertThat(policy.route("other.example/repo")).isEqualTo(new Direct());
        assertThat(policy.skipsChecksumDatabase("corp.example/repo")).isTrue();
        assertThat(policy.skipsChecksumDatabase("other.example/repo")).isFalse();
    }

    @Test
    void emptyGonoproxyCountsAsUnsetLikeTheGoCommand() {
        RoutingPolicy policy = policy(
                RoutingPolicy.GOPRIVATE, "corp.example", RoutingPolicy.GONOPROXY, "", RoutingPolicy.GONOSUMDB, "");

        assertThat(policy.route("corp.example/repo")).isEqualTo(new Direct());
        assertThat(policy.skipsChecksumDatabase("corp.example/repo")).isTrue();
        assertThat(policy.noProxyPatterns()).hasToString("corp.example");
    }

    @Test
    void gonoproxyNoneKeepsPrivateModulesOnTheMainChainButAwayFromTheChecksumDatabase() {
        RoutingPolicy policy = policy(RoutingPolicy.GOPRIVATE, "corp.example", RoutingPolicy.GONOPROXY, "none");

        assertThat(policy.route("corp.example/repo")).isEqualTo(new Default());
        assertThat(policy.skipsChecksumDatabase("corp.example/repo")).isTrue();
    }

    @Test
    void denyWinsOverAllowRoutesAndGonoproxyAndNamesThePattern() {
        RoutingPolicy policy = policy(
                RoutingPolicy.GOPRIVATE,
                "corp.example",
                RoutingPolicy.MODVAULT_ALLOW,
                "corp.example",
                RoutingPolicy.MODVAULT_ROUTES,
                "corp.example=https://registry.corp.example",
                RoutingPolicy.MODVAULT_DENY,
                "other.example,corp.example/secret/*");

        assertThat(policy.route("corp.example/secret/vault/v2"))
                .isEqualTo(new Denied(
                        "corp.example/secret/vault/v2 is denied by MODVAULT_DENY pattern \"corp.example/secret/*\""));
        assertThat(policy.route("corp.example/secret")).isEqualTo(new Chain("https://registry.corp.example"));
    }

    @Test
    void denyEntriesAreTrimmedSoAStraySpaceCannotDisableARule() {
        RoutingPolicy policy = policy(RoutingPolicy.MODVAULT_DENY, "a.example/x, b.example/y ");

        assertThat(policy.route("b.example/y/z")).isInstanceOf(Denied.class);
        assertThat(policy.route("a.example/x")).isInstanceOf(Denied.class);
        assertThat(policy.route("c.example/x")).isEqualTo(new Default());
    }

    @Test
    void allowListRefusesEverythingElseAndSaysWhy() {
        RoutingPolicy policy = policy(RoutingPolicy.MODVAULT_ALLOW, "github.com/org/*,golang.org/x");

        assertThat(policy.route("github.com/org/repo")).isEqualTo(new Default());
        assertThat(policy.route("golang.org/x/text")).isEqualTo(new Default());
        assertThat(policy.route("github.com/other/repo"))
                .isEqualTo(
                        new Denied(
                                "github.com/other/repo is not allowed: it matches no MODVAULT_ALLOW pattern (github.com/org/*,golang.org/x)"));
    }

    @Test
    void allowListDoesNotOverrideDeny() {
        RoutingPolicy policy =
                policy(RoutingPolicy.MODVAULT_ALLOW, "github.com", RoutingPolicy.MODVAULT_DENY, "github.com/bad");

        assertThat(policy.route("github.com/bad/repo")).isInstanceOf(Denied.class);
        assertThat(policy.route("github.com/good/repo")).isEqualTo(new Default());
    }

    @Test
    void explicitRouteBeatsGonoproxy() {
        RoutingPolicy policy = policy(
                RoutingPolicy.GOPRIVATE,
                "corp.example",
                RoutingPolicy.MODVAULT_ROUTES,
                "corp.example/mirrored/*=https://registry.corp.example|off");

        assertThat(policy.route("corp.example/mirrored/lib")).isEqualTo(new Chain("https://registry.corp.example|off"));
        assertThat(policy.route("corp.example/mirrored")).isEqualTo(new Direct());
        assertThat(policy.route("corp.example/other")).isEqualTo(new Direct());
        assertThat(policy.route("github.com/org/repo")).isEqualTo(new Default());
    }

    @Test
    void routeToDirectFetchesFromTheRepositoryWithoutGonoproxy() {
        RoutingPolicy policy = policy(RoutingPolicy.MODVAULT_ROUTES, "git.example.test = direct");

        assertThat(policy.route("git.example.test/org/repo")).isEqualTo(new Direct());
        assertThat(policy.route("github.com/org/repo")).isEqualTo(new Default());
    }

    @Test
    void firstMatchingRouteWinsAndRulesMaySpanLines() {
        RoutingPolicy policy = policy(RoutingPolicy.MODVAULT_ROUTES, """
                corp.example/team-a/*, corp.example/shared = https://a.corp.example ;
                corp.example = https://b.corp.example,https://proxy.golang.org ;
                """);

        assertThat(policy.route("corp.example/team-a/lib")).isEqualTo(new Chain("https://a.corp.example"));
        assertThat(policy.route("corp.example/shared/x")).isEqualTo(new Chain("https://a.corp.example"));
        assertThat(policy.route("corp.example/team-b/lib"))
                .isEqualTo(new Chain("https://b.corp.example,https://proxy.golang.org"));
        assertThat(policy.warnings()).isEmpty();
    }

    @Test
    void rejectsRouteWithoutEqualsSign() {
        assertThatThrownBy(() -> policy(RoutingPolicy.MODVAULT_ROUTES, "corp.example https://registry"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MODVAULT_ROUTES rule \"corp.example https://registry\": expected pattern=chain");
    }

    @Test
    void rejectsRouteWithoutPattern() {
        assertThatThrownBy(() -> policy(RoutingPolicy.MODVAULT_ROUTES, " , =https://registry"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no module pattern");
    }

    @Test
    void rejectsRouteWithEmptyChain() {
        assertThatThrownBy(() -> policy(RoutingPolicy.MODVAULT_ROUTES, "corp.example= , |"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no entries");
    }

    @Test
    void rejectsRouteToUnsupportedScheme() {
        assertThatThrownBy(() -> policy(RoutingPolicy.MODVAULT_ROUTES, "corp.example=ftp://mirror.corp.example"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MODVAULT_ROUTES rule \"corp.example=ftp://mirror.corp.example\"")
                .hasMessageContaining("invalid proxy URL scheme (must be https, http, file)");
    }

    @Test
    void acceptsBareHostsAndOffInRouteChainsLikeGoproxy() {
        RoutingPolicy policy = policy(RoutingPolicy.MODVAULT_ROUTES, "corp.example=registry.corp.example|off");

        assertThat(policy.route("corp.example/x")).isEqualTo(new Chain("registry.corp.example|off"));
    }

    @Test
    void warnsAboutChainEntriesAfterOffOrDirect() {
        RoutingPolicy policy = policy(RoutingPolicy.MODVAULT_ROUTES, "corp.example=direct,https://never.example");

        assertThat(policy.route("corp.example/x")).isEqualTo(new Chain("direct,https://never.example"));
        assertThat(policy.warnings())
                .containsExactly(
                        "MODVAULT_ROUTES rule \"corp.example=direct,https://never.example\": entries after 'direct' are never used");
    }

    @Test
    void keepsSpacesInGoVariablesLikeTheGoCommandButWarns() {
        RoutingPolicy policy = policy(RoutingPolicy.GOPRIVATE, "github.com/org, corp.example");

        assertThat(policy.route("corp.example/repo")).isEqualTo(new Default());
        assertThat(policy.route("github.com/org/repo")).isEqualTo(new Direct());
        assertThat(policy.warnings())
                .singleElement()
                .asString()
                .startsWith("GOPRIVATE entry \" corp.example\" has surrounding whitespace");
    }

    @Test
    void goinsecureMatchesHostsAndModulePaths() {
        RoutingPolicy policy = policy(RoutingPolicy.GOINSECURE, "git.example.test,*.lab.example,corp.example/legacy");

        assertThat(policy.insecure("git.example.test")).isTrue();
        assertThat(policy.insecure("git.example.test/org/repo")).isTrue();
        assertThat(policy.insecure("build.lab.example")).isTrue();
        assertThat(policy.insecure("lab.example")).isFalse();
        assertThat(policy.insecure("corp.example/legacy/tool")).isTrue();
        assertThat(policy.insecure("corp.example")).isFalse();
        assertThat(policy.insecurePatterns()).hasToString("git.example.test,*.lab.example,corp.example/legacy");
    }

    @Test
    void describesItselfForTheStartupLog() {
        RoutingPolicy policy = RoutingPolicy.fromSettings(Map.of(
                RoutingPolicy.GOPRIVATE,
                "corp.example",
                RoutingPolicy.MODVAULT_ROUTES,
                "a.example=direct;b.example=off"));

        assertThat(policy.toString())
                .contains("GONOPROXY=corp.example", "GONOSUMDB=corp.example", "MODVAULT_ROUTES=2 rule(s)");
    }
}

package io.modvault.core.modcheck;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The string rules of x/mod's zip package. */
class ZipRulesTest {

    @Test
    void findsVendoredPackagesWithTheGo124Rules() {
        assertThat(ZipRules.isVendoredPackage("vendor/modules.txt", true)).isTrue();
        assertThat(ZipRules.isVendoredPackage("vendor/modules.txt", false)).isFalse();
        assertThat(ZipRules.isVendoredPackage("vendor/a.go", true)).isFalse();
        assertThat(ZipRules.isVendoredPackage("vendor/x.example/y/y.go", false)).isTrue();
        assertThat(ZipRules.isVendoredPackage("pkg/vendor/foo/foo.go", true)).isTrue();
        assertThat(ZipRules.isVendoredPackage("pkg/vendor/vendor.go", true)).isFalse();
        assertThat(ZipRules.isVendoredPackage("notvendor/x/y.go", true)).isFalse();
    }

    @Test
    void keepsTheOffByPrefixBugBeforeGo124() {
        // The old code skipped len("/vendor/") from the start of the name, not from the match, so
        // the match's own closing slash is always seen: every file below a nested vendor goes.
        assertThat(ZipRules.isVendoredPackage("pkg/vendor/vendor.go", false)).isTrue();
        assertThat(ZipRules.isVendoredPackage("x/vendor/y.go", false)).isTrue();
        assertThat(ZipRules.isVendoredPackage("longdirectory/vendor/x.go", false))
                .isTrue();
        assertThat(ZipRules.isVendoredPackage("x/vendored/y.go", false)).isFalse();
    }

    @Test
    void acceptsOnlyCleanRelativePaths() {
        assertThat(ZipRules.isCleanRelative("a/b.go")).isTrue();
        assertThat(ZipRules.isCleanRelative("/a")).isFalse();
        assertThat(ZipRules.isCleanRelative("a//b")).isFalse();
        assertThat(ZipRules.isCleanRelative("a/./b")).isFalse();
        assertThat(ZipRules.isCleanRelative("a/../b")).isFalse();
        assertThat(ZipRules.isCleanRelative("a/")).isFalse();
    }

    @Test
    void foldsCaseLikeGoEqualFold() {
        assertThat(ZipRules.fold("README.md")).isEqualTo(ZipRules.fold("readme.MD"));
        assertThat(ZipRules.fold("\u212Aelvin")).isEqualTo(ZipRules.fold("kelvin"));
        assertThat(ZipRules.fold("\u017Fign")).isEqualTo(ZipRules.fold("Sign"));
        assertThat(ZipRules.fold("\u0130")).isNotEqualTo(ZipRules.fold("i"));
        assertThat(ZipRules.fold("\u0131")).isNotEqualTo(ZipRules.fold("I"));
    }

    @Test
    void detectsCollisionsAndFileDirectoryConflicts() {
        ZipRules.Collisions collisions = new ZipRules.Collisions();

        assertThat(collisions.check("a/b.go", false)).isEmpty();
        assertThat(collisions.check("a/c.go", false)).isEmpty();
        assertThat(collisions.check("A/d.go", false)).contains("case-insensitive file name collision: \"a\" and \"A\"");
        assertThat(collisions.check("a/b.go", false)).contains("multiple entries for file \"a/b.go\"");
        assertThat(collisions.check("a", false)).contains("entry \"a\" is both a file and a directory");
    }
}

package io.modvault.core.gomod;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A main module's go.mod read in full. The expectations for {@code platform.go.mod} are what
 * {@code go mod edit -json} (go1.26.8, which reads the file with modfile.Parse) printed for it.
 */
class GoModFileTest {

    @Test
    void readsEveryDirectiveOfARealWorldMainModule() {
        GoModFile file = GoModFile.parse("go.mod", resource("platform.go.mod"));

        assertThat(file.module()).contains("corp.example/platform");
        assertThat(file.deprecated()).contains("use corp.example/platform/v2 instead.");
        assertThat(file.go()).contains("1.22.3");
        assertThat(file.toolchain()).contains("go1.23.4");
        assertThat(file.godebug()).containsExactly(new GoDebug("default", "go1.21"));
        assertThat(file.tool()).containsExactly("golang.org/x/tools/cmd/stringer");
        assertThat(file.ignore()).isEmpty();
    }

    @Test
    void keepsRequirementsWithIndirectMarksAndCanonicalVersions() {
        GoModFile file = GoModFile.parse("go.mod", resource("platform.go.mod"));

        assertThat(file.require())
                .containsExactly(
                        new Requirement("github.com/Azure/azure-sdk-for-go", "v68.0.0+incompatible", false),
                        new Requirement("github.com/google/uuid", "v1.6.0", true),
                        new Requirement("golang.org/x/text", "v0.14.0", true),
                        new Requirement("gopkg.in/yaml.v3", "v3.0.1", false),
                        new Requirement("github.com/pkg/errors", "v0.9.1", false),
                        new Requirement("rsc.io/quote/v3", "v3.1.0", false),
                        new Requirement("example.com/single", "v1.0.0", true));
        assertThat(file.exclude())
                .containsExactly(
                        new Exclusion("github.com/google/uuid", "v1.5.0"),
                        new Exclusion("golang.org/x/text", "v0.13.0"));
    }

    @Test
    void tellsVersionAndPathReplacementsFromLocalDirectories() {
        GoModFile file = GoModFile.parse("go.mod", resource("platform.go.mod"));

        assertThat(file.replace())
                .containsExactly(
                        new Replacement(
                                "github.com/pkg/errors",
                                Optional.empty(),
                                "github.com/corp/errors",
                                Optional.of("v0.9.2")),
                        new Replacement(
                                "golang.org/x/text",
                                Optional.of("v0.14.0"),
                                "golang.org/x/text",
                                Optional.of("v0.14.1")),
                        new Replacement("example.com/single", Optional.empty(), "../single", Optional.empty()),
                        new Replacement("example.com/other", Optional.of("v1.2.3"), "./vendor/other", Optional.empty()),
                        new Replacement("rsc.io/quote/v3", Optional.empty(), "/abs/quote", Optional.empty()));
        Replacement allVersions = file.replace().get(0);
        Replacement oneVersion = file.replace().get(1);
        assertThat(allVersions.replaces("github.com/pkg/errors", "v0.8.0")).isTrue();
        assertThat(oneVersion.replaces("golang.org/x/text", "v0.14.0")).isTrue();
        assertThat(oneVersion.replaces("golang.org/x/text", "v0.13.0")).isFalse();
        assertThat(file.replace())
                .filteredOn(Replacement::isLocal)
                .extracting(Replacement::newPath)
                .containsExactly("../single", "./vendor/other", "/abs/quote");
    }

    @Test
    void readsRetractionsWithTheirRationale() {
        GoModFile file = GoModFile.parse("go.mod", resource("platform.go.mod"));

        assertThat(file.retract())
                .containsExactly(
                        new Retraction("v1.9.0", "v1.9.0", "The first v1.9 tag was pushed by mistake."),
                        new Retraction("v1.0.0", "v1.0.5", "CVE-2024-0001: data race in the cache"),
                        new Retraction("v1.8.0", "v1.8.0", "Releases broken by the bad merge."),
                        new Retraction("v1.8.1", "v1.8.1", "re-tagged the same commit"),
                        new Retraction("v0.1.0", "v0.3.9", "Accidentally published from a fork."));
        assertThat(file.retracts("v1.0.3")).isTrue();
        assertThat(file.retracts("v1.0.6")).isFalse();
        assertThat(file.retracts("v0.2.0")).isTrue();
    }

    @Test
    void takesTheBlockCommentOnlyForLinesWithoutCommentsOrBlankLinesOfTheirOwn() {
        GoModFile file = GoModFile.parse("go.mod", utf8("""
                // Loose comment.

                retract v0.9.0

                // Block comment.
                retract (

                	v1.0.0

                	v1.1.0
                )
                module m
                """));

        assertThat(file.retract()).extracting(Retraction::rationale).containsExactly("", "Block comment.", "");
    }

    @Test
    void readsTheIndirectMarkOnlyWhereTheGoCommandSeesIt() {
        GoModFile file = GoModFile.parse("go.mod", utf8("""
                module m
                require a.example/one v1.0.0 // indirect
                require a.example/two v1.0.0 //indirect
                require a.example/three v1.0.0 // indirect; kept for the tests
                require a.example/four v1.0.0 // indirectly
                require a.example/five v1.0.0 // not indirect
                require (
                	// indirect
                	a.example/six v1.0.0
                )
                """));

        assertThat(file.require())
                .extracting(Requirement::indirect)
                .containsExactly(true, true, true, false, false, false);
    }

    @Test
    void acceptsQuotedPathsEmptyBlocksAndCrlfLineEndings() {
        GoModFile file = GoModFile.parse(
                "go.mod",
                utf8(
                        "module \"corp.example/quoted\"\r\n\r\nrequire ()\r\n"
                                + "require \"a.example/quoted\" \"v1.2.3\" // indirect\r\nreplace a.example/quoted => \"../with space\"\r\n"));

        assertThat(file.module()).contains("corp.example/quoted");
        assertThat(file.require()).containsExactly(new Requirement("a.example/quoted", "v1.2.3", true));
        assertThat(file.replace().get(0).newPath()).isEqualTo("../with space");
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) {
        try (InputStream in = GoModFileTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.modvault.core.vcs.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * go-get page parsing and tag choice, with the vectors of golang/go
 * {@code cmd/go/internal/vcs/discovery_test.go} (the IgnoreMod cases) and {@code vcs_test.go
 * TestMatchGoImport}, plus the parser's edge cases.
 */
class MetaImportsTest {

    private static MetaImport git(String prefix, String repo) {
        return new MetaImport(prefix, "git", repo, "");
    }

    private static MetaImports.Parsed parse(String html) {
        return MetaImports.parse(html.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> goDiscoveryTests() {
        return Stream.of(
                Arguments.of(
                        "<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">",
                        List.of(git("foo/bar", "https://github.com/rsc/foo/bar"))),
                Arguments.of(
                        "<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">\n"
                                + "\t\t<meta name=\"go-import\" content=\"baz/quux git http://github.com/rsc/baz/quux\">",
                        List.of(
                                git("foo/bar", "https://github.com/rsc/foo/bar"),
                                git("baz/quux", "http://github.com/rsc/baz/quux"))),
                Arguments.of(
                        "<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">\n"
                                + "\t\t<meta name=\"go-import\" content=\"foo/bar mod http://github.com/rsc/baz/quux\">",
                        List.of(git("foo/bar", "https://github.com/rsc/foo/bar"))),
                Arguments.of(
                        "<meta name=\"go-import\" content=\"foo/bar mod http://github.com/rsc/baz/quux\">\n"
                                + "\t\t<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">",
                        List.of(git("foo/bar", "https://github.com/rsc/foo/bar"))),
                Arguments.of(
                        "<head>\n\t\t<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">"
                                + "\n\t\t</head>",
                        List.of(git("foo/bar", "https://github.com/rsc/foo/bar"))),
                Arguments.of(
                        "<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">\n\t\t<body>",
                        List.of(git("foo/bar", "https://github.com/rsc/foo/bar"))),
                Arguments.of(
                        "<!doctype html><meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar\">",
                        List.of(git("foo/bar", "https://github.com/rsc/foo/bar"))),
                Arguments.of(
                        "<!doctype html><title>Page Not Found</title><meta name=go-import content=\"chitin.io/chitin "
                                + "git https://github.com/chitin-io/chitin\"><div style=position:relative>DRAFT</div>",
                        List.of(git("chitin.io/chitin", "https://github.com/chitin-io/chitin"))),
                Arguments.of(
                        "<meta name=\"go-import\" content=\"myitcv.io git https://github.com/myitcv/x\">\n"
                                + "\t        <meta name=\"go-import\" content=\"myitcv.io/blah2 mod "
                                + "https://raw.githubusercontent.com/myitcv/pubx/master\">\n\t        ",
                        List.of(git("myitcv.io", "https://github.com/myitcv/x"))),
                Arguments.of(
                        "<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar subdir\">",
                        List.of(new MetaImport("foo/bar", "git", "https://github.com/rsc/foo/bar", "subdir"))),
                Arguments.of(
                        "<meta name=\"go-import\" content=\"foo/bar git https://github.com/rsc/foo/bar subdir/path\">",
                        List.of(new MetaImport("foo/bar", "git", "https://github.com/rsc/foo/bar", "subdir/path"))));
    }

    @ParameterizedTest
    @MethodSource("goDiscoveryTests")
    void parsesGosDiscoveryVectors(String html, List<MetaImport> expected) {
        assertThat(parse(html)).isEqualTo(new MetaImports.Parsed(expected, Optional.empty()));
    }

    @Test
    void readsATypicalGitLabPage() {
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8"/>
                <!-- go-get support -->
                <meta content='git.corp.example/group/repo git https://git.corp.example/group/repo.git' name='go-import'>
                <meta name="go-source" content="git.corp.example/group/repo _ _ _">
                <script>var a = 1 &amp;&amp; 2;</script>
                </head>
                <body>go get git.corp.example/group/repo</body>
                </html>
                """;

        assertThat(parse(page).imports())
                .containsExactly(git("git.corp.example/group/repo", "https://git.corp.example/group/repo.git"));
    }

    @Test
    void stopsAtBodyAndAtTheEndOfHead() {
        assertThat(parse("<html><BODY><meta name=go-import content='a.example/x git https://a.example/x'>")
                        .imports())
                .isEmpty();
        assertThat(parse("<head></HEAD><meta name=go-import content='a.example/x git https://a.example/x'>")
                        .imports())
                .isEmpty();
    }

    @Test
    void matchesElementAndAttributeNamesIgnoringCaseButTheNameValueExactly() {
        assertThat(parse("<META NAME=\"go-import\" CONTENT=\"a.example/x git https://a.example/x\">")
                        .imports())
                .containsExactly(git("a.example/x", "https://a.example/x"));
        assertThat(parse("<meta name=\"Go-Import\" content=\"a.example/x git https://a.example/x\">")
                        .imports())
                .isEmpty();
        assertThat(parse("<x:meta html:name=\"go-import\" content=\"a.example/x git https://a.example/x\"/>")
                        .imports())
                .containsExactly(git("a.example/x", "https://a.example/x"));
    }

    @Test
    void usesTheFirstOfRepeatedAttributes() {
        assertThat(parse("<meta name=\"go-source\" name=\"go-import\" content=\"a.example/x git https://a.example/x\">")
                        .imports())
                .isEmpty();
    }

    @Test
    void decodesEntitiesInAttributeValuesAndLeavesUnknownOnesAlone() {
        assertThat(parse(
                                "<meta name=\"go-import\" content=\"a.example/x&#x20;git&#9;https://a.example/x?a=1&amp;b=&nbsp;\">")
                        .imports())
                .containsExactly(git("a.example/x", "https://a.example/x?a=1&b=&nbsp;"));
    }

    @Test
    void ignoresContentWithTheWrongNumberOfFields() {
        assertThat(parse("""
                <meta name="go-import" content="a.example/x git">
                <meta name="go-import" content="a.example/x git https://a.example/x sub extra">
                <meta name="go-import" content="  a.example/y\u00A0git\u2003https://a.example/y  ">
                """).imports()).containsExactly(git("a.example/y", "https://a.example/y"));
    }

    @Test
    void unquotedValuesEndAtTheFirstCharacterOutsideHtmlNameTokens() {
        // Go's non-strict reader takes only [A-Za-z0-9_:-] for an unquoted value; ".example" is then a bad name.
        assertThat(parse("<meta name=go-import content=a.example/x>"))
                .isEqualTo(new MetaImports.Parsed(
                        List.of(), Optional.of("XML syntax error on line 1: invalid XML name: .example")));
    }

    @Test
    void reportsASyntaxErrorOnlyWhenNoTagPrecedesIt() {
        assertThat(parse("<head><script>if (a < b) {}</script>"
                        + "<meta name=go-import content='a.example/x git https://a.example/x'>"))
                .isEqualTo(new MetaImports.Parsed(
                        List.of(), Optional.of("XML syntax error on line 1: expected element name after <")));
        assertThat(parse("<meta name=go-import content='a.example/x git https://a.example/x'>\n"
                                + "<script>if (a < b) {}</script>")
                        .imports())
                .containsExactly(git("a.example/x", "https://a.example/x"));
    }

    @Test
    void reportsGosMessagesForMalformedMarkup() {
        assertThat(parse("\n\n<!-- a -- b -->").error())
                .contains("XML syntax error on line 3: invalid sequence \"--\" not allowed in comments");
        assertThat(parse("<meta content=\"<\">").error())
                .contains("XML syntax error on line 1: unescaped < inside quoted string");
        assertThat(parse("<![CDAT[x]]>").error()).contains("XML syntax error on line 1: invalid <![ sequence");
        assertThat(parse("<meta name=\"go-import\"").error()).contains("XML syntax error on line 1: unexpected EOF");
        assertThat(parse("text ]]> more").error())
                .contains("XML syntax error on line 1: unescaped ]]> not in CDATA section");
        assertThat(parse("a\u0001b").error()).contains("XML syntax error on line 1: illegal character code U+0001");
        assertThat(MetaImports.parse(new byte[] {'a', (byte) 0xFF}).error())
                .contains("XML syntax error on line 1: invalid UTF-8");
        assertThat(parse("<1abc>").error()).contains("XML syntax error on line 1: invalid XML name: 1abc");
        assertThat(parse("</head >").error()).isEmpty();
        assertThat(parse("</head x>").error())
                .contains("XML syntax error on line 1: invalid characters between </head and >");
        assertThat(parse("<a b:c:d='1'>").error())
                .contains("XML syntax error on line 1: expected attribute name in element");
    }

    @Test
    void acceptsUtf8AndAsciiDeclarationsOnly() {
        String meta = "<meta name=go-import content='a.example/x git https://a.example/x'>";

        assertThat(parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + meta).imports())
                .hasSize(1);
        assertThat(parse("<?xml version='1.0' encoding='ascii'?>" + meta).imports())
                .hasSize(1);
        assertThat(parse("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + meta)
                        .error())
                .contains(
                        "xml: opening charset \"ISO-8859-1\": can't decode XML document using charset \"ISO-8859-1\"");
        assertThat(parse("<?xml version=\"1.1\"?>" + meta).error())
                .contains("xml: unsupported version \"1.1\"; only version 1.0 is supported");
    }

    @Test
    void skipsDirectivesWithQuotedAndNestedMarkupAndCdata() {
        String page = "<!DOCTYPE html [ <!ENTITY x \"a>b\"> <!-- > --> ]><![CDATA[ <meta> ]]>"
                + "<meta name=go-import content='a.example/x git https://a.example/x'>";

        assertThat(parse(page))
                .isEqualTo(
                        new MetaImports.Parsed(List.of(git("a.example/x", "https://a.example/x")), Optional.empty()));
    }

    @Test
    void countsLinesForErrorsIncludingCarriageReturns() {
        assertThat(parse("<a>\r\n<b>\n\n<  c>").error())
                .contains("XML syntax error on line 4: expected element name after <");
    }

    // --- matchGoImport: golang/go vcs_test.go TestMatchGoImport ---

    private static final MetaImport FOO = git("example.com/user/foo", "https://example.com/repo/target");
    private static final MetaImport FOOA = git("example.com/user/fooa", "https://example.com/repo/target");
    private static final MetaImport FOO_BAR = git("example.com/user/foo/bar", "https://example.com/repo/target");

    @Test
    void matchesTheTagWhosePrefixIsAPathPrefix() {
        assertThat(MetaImports.match(List.of(FOO), "example.com/user/foo")).isEqualTo(new MetaImports.Found(FOO));
        assertThat(MetaImports.match(List.of(FOO), "example.com/user/foo/")).isEqualTo(new MetaImports.Found(FOO));
        assertThat(MetaImports.match(List.of(FOO, FOOA), "example.com/user/foo"))
                .isEqualTo(new MetaImports.Found(FOO));
        assertThat(MetaImports.match(List.of(FOO, FOOA), "example.com/user/fooa"))
                .isEqualTo(new MetaImports.Found(FOOA));
    }

    @Test
    void refusesNestedRepositories() {
        for (String path : List.of(
                "example.com/user/foo/bar",
                "example.com/user/foo/bar/baz",
                "example.com/user/foo/bar/baz/qux",
                "example.com/user/foo/bar/baz/")) {
            assertThat(MetaImports.match(List.of(FOO, FOO_BAR), path))
                    .isEqualTo(new MetaImports.Ambiguous("multiple meta tags match import path \"" + path + "\""));
        }
    }

    @Test
    void reportsEveryMismatchLikeGo() {
        assertThat(MetaImports.match(List.of(FOO, FOO_BAR), "example.com"))
                .isEqualTo(
                        new MetaImports.NoMatch("meta tag example.com/user/foo did not match import path example.com, "
                                + "meta tag example.com/user/foo/bar did not match import path example.com"));
        assertThat(MetaImports.match(List.of(FOO), "different.example.com/user/foo"))
                .isInstanceOf(MetaImports.NoMatch.class);
        assertThat(MetaImports.match(List.of(), "example.com/x")).isEqualTo(new MetaImports.NoMatch(""));
    }

    @Test
    void aModEntryBeforeVcsEntriesWins() {
        MetaImport mod =
                new MetaImport("myitcv.io/blah2", "mod", "https://raw.githubusercontent.com/myitcv/pubx/master", "");
        MetaImport vcs = git("myitcv.io", "https://github.com/myitcv/x");

        assertThat(MetaImports.match(List.of(mod, vcs), "myitcv.io/blah2/foo")).isEqualTo(new MetaImports.Found(mod));
        assertThat(MetaImports.match(List.of(mod, vcs), "myitcv.io/other")).isEqualTo(new MetaImports.Found(vcs));
    }
}

package io.modvault.core.vcs.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with the go command: each expectation below is what {@code parseMetaGoImports} (copied
 * into a scratch program, {@code IgnoreMod}) printed for the same input under go1.26.8, as
 * "prefix vcs repoRoot subdir" per tag and the error text ("" for none).
 */
class MetaImportsGoParityTest {

    static Stream<Arguments> goOutputs() {
        return Stream.of(
                Arguments.of(
                        "<html><BODY><meta name=go-import content='a.example/x git https://a.example/x'>",
                        List.of(),
                        ""),
                Arguments.of(
                        "<head></HEAD><meta name=go-import content='a.example/x git https://a.example/x'>",
                        List.of(),
                        ""),
                Arguments.of(
                        "<META NAME=\"go-import\" CONTENT=\"a.example/x git https://a.example/x\">",
                        List.of("a.example/x git https://a.example/x "),
                        ""),
                Arguments.of(
                        "<meta name=\"Go-Import\" content=\"a.example/x git https://a.example/x\">", List.of(), ""),
                Arguments.of(
                        "<x:meta html:name=\"go-import\" content=\"a.example/x git https://a.example/x\"/>",
                        List.of("a.example/x git https://a.example/x "),
                        ""),
                Arguments.of(
                        "<meta name=\"go-source\" name=\"go-import\" content=\"a.example/x git https://a.example/x\">",
                        List.of(),
                        ""),
                Arguments.of(
                        "<meta name=\"go-import\" content=\"a.example/x&#x20;git&#9;https://a.example/x?a=1&amp;b=&nbsp;\">",
                        List.of("a.example/x git https://a.example/x?a=1&b=&nbsp; "),
                        ""),
                Arguments.of(
                        "<meta name=\"go-import\" content=\"a.example/x git\">\n<meta name=\"go-import\" content=\"a.example/x git https://a.example/x sub extra\">\n<meta name=\"go-import\" content=\"  a.example/y\u00A0git\u2003https://a.example/y  \">\n",
                        List.of("a.example/y git https://a.example/y "),
                        ""),
                Arguments.of(
                        "<meta name=go-import content=a.example/x>",
                        List.of(),
                        "XML syntax error on line 1: invalid XML name: .example"),
                Arguments.of(
                        "<head><script>if (a < b) {}</script><meta name=go-import content='a.example/x git https://a.example/x'>",
                        List.of(),
                        "XML syntax error on line 1: expected element name after <"),
                Arguments.of(
                        "<meta name=go-import content='a.example/x git https://a.example/x'>\n<script>if (a < b) {}</script>",
                        List.of("a.example/x git https://a.example/x "),
                        ""),
                Arguments.of(
                        "\n\n<!-- a -- b -->",
                        List.of(),
                        "XML syntax error on line 3: invalid sequence \"--\" not allowed in comments"),
                Arguments.of(
                        "<meta content=\"<\">",
                        List.of(),
                        "XML syntax error on line 1: unescaped < inside quoted string"),
                Arguments.of("<![CDAT[x]]>", List.of(), "XML syntax error on line 1: invalid <![ sequence"),
                Arguments.of("<meta name=\"go-import\"", List.of(), "XML syntax error on line 1: unexpected EOF"),
                Arguments.of(
                        "text ]]> more", List.of(), "XML syntax error on line 1: unescaped ]]> not in CDATA section"),
                Arguments.of("a\u0001b", List.of(), "XML syntax error on line 1: illegal character code U+0001"),
                Arguments.of("<1abc>", List.of(), "XML syntax error on line 1: invalid XML name: 1abc"),
                Arguments.of("</head >", List.of(), ""),
                Arguments.of(
                        "</head x>", List.of(), "XML syntax error on line 1: invalid characters between </head and >"),
                Arguments.of(
                        "<a b:c:d='1'>", List.of(), "XML syntax error on line 1: expected attribute name in element"),
                Arguments.of(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><meta name=go-import content='a.example/x git https://a.example/x'>",
                        List.of("a.example/x git https://a.example/x "),
                        ""),
                Arguments.of(
                        "<?xml version='1.0' encoding='ascii'?><meta name=go-import content='a.example/x git https://a.example/x'>",
                        List.of("a.example/x git https://a.example/x "),
                        ""),
                Arguments.of(
                        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><meta name=go-import content='a.example/x git https://a.example/x'>",
                        List.of(),
                        "xml: opening charset \"ISO-8859-1\": can't decode XML document using charset \"ISO-8859-1\""),
                Arguments.of(
                        "<?xml version=\"1.1\"?><meta name=go-import content='a.example/x git https://a.example/x'>",
                        List.of(),
                        "xml: unsupported version \"1.1\"; only version 1.0 is supported"),
                Arguments.of(
                        "<!DOCTYPE html [ <!ENTITY x \"a>b\"> <!-- > --> ]><![CDATA[ <meta> ]]><meta name=go-import content='a.example/x git https://a.example/x'>",
                        List.of("a.example/x git https://a.example/x "),
                        ""),
                Arguments.of(
                        "<a>\r\n<b>\n\n<  c>", List.of(), "XML syntax error on line 4: expected element name after <"),
                Arguments.of(
                        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n<!-- go-get support -->\n<meta content='git.corp.example/group/repo git https://git.corp.example/group/repo.git' name='go-import'>\n<meta name=\"go-source\" content=\"git.corp.example/group/repo _ _ _\">\n<script>var a = 1 &amp;&amp; 2;</script>\n</head>\n<body>go get git.corp.example/group/repo</body>\n</html>\n",
                        List.of("git.corp.example/group/repo git https://git.corp.example/group/repo.git "),
                        ""),
                Arguments.of(
                        "<!\"x>\" y>z<meta name=go-import content='a.example/x git https://a.example/x'>",
                        List.of("a.example/x git https://a.example/x "),
                        ""),
                Arguments.of(
                        "<meta name=go-import content='a.example/x git https://a.example/x&#xD800;'>",
                        List.of("a.example/x git https://a.example/x\uFFFD "),
                        ""),
                Arguments.of(
                        "<meta name=go-import content='a.example/x git https://a.example/x&#0;'>",
                        List.of(),
                        "XML syntax error on line 1: illegal character code U+0000"),
                Arguments.of(
                        "<meta name=go-import content='a.example/x git https://a.example/x&#;'>",
                        List.of("a.example/x git https://a.example/x&#; "),
                        ""),
                Arguments.of(
                        "<meta name=go-import content='a.example/x git https://a.example/x&#99999999999999999999999;'>",
                        List.of("a.example/x git https://a.example/x&#99999999999999999999999; "),
                        ""),
                Arguments.of(
                        "<meta checked name=go-import content='a.example/x git https://a.example/x'>",
                        List.of("a.example/x git https://a.example/x "),
                        ""),
                Arguments.of(
                        "<meta name = \"go-import\" content\n=\n\"a.example/x git https://a.example/x\" / >",
                        List.of(),
                        "XML syntax error on line 3: expected /> in element"),
                Arguments.of(
                        "<meta name=\"go-import\" content=\"a.example/x git https://a.example/x\"/>",
                        List.of("a.example/x git https://a.example/x "),
                        ""),
                Arguments.of(
                        "<meta name=go-import content='a.example/x git https://a.example/x'><p>&bogus <meta name=go-import content='b.example/x git https://b.example/x'>",
                        List.of("a.example/x git https://a.example/x ", "b.example/x git https://b.example/x "),
                        ""),
                Arguments.of(
                        "<!-- --->",
                        List.of(),
                        "XML syntax error on line 1: invalid sequence \"--\" not allowed in comments"),
                Arguments.of("<!---->", List.of(), ""),
                Arguments.of("<a :b='1' c:='2'>", List.of(), ""));
    }

    @ParameterizedTest
    @MethodSource("goOutputs")
    void agreesWithGosParser(String page, List<String> expected, String error) {
        MetaImports.Parsed parsed = MetaImports.parse(page.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.imports())
                .extracting(m -> m.prefix() + " " + m.vcs() + " " + m.repoRoot() + " " + m.subdir())
                .containsExactlyElementsOf(expected);
        assertThat(parsed.error().orElse("")).isEqualTo(error);
    }
}

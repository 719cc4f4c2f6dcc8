package io.modvault.core.vcs.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The go command's netrc semantics ({@code cmd/go/internal/auth/netrc_test.go} and edge cases). */
class NetrcParserTest {

    /** Verbatim from Go's netrc_test.go {@code testNetrc}. */
    private static final String GO_TEST_NETRC = """

            machine incomplete
            password none

            machine api.github.com
              login user
              password pwd

            machine incomlete.host
              login justlogin

            machine test.host
            login user2
            password pwd2

            machine oneline login user3 password pwd3

            machine ignore.host macdef ignore
              login nobody
              password nothing

            machine hasmacro.too macdef ignore-next-lines login user4 password pwd4
              login nobody
              password nothing

            default
            login anonymous
            password gopher@golang.org

            machine after.default
            login oops
            password too-late-in-file
            """;

    private static List<Credential> parse(String data) {
        return NetrcParser.parse(data, "/home/u/.netrc");
    }

    @Test
    void parsesGosOwnTestFile() {
        assertThat(parse(GO_TEST_NETRC))
                .extracting(Credential::host, Credential::username, Credential::password)
                .containsExactly(
                        tuple("api.github.com", "user", "pwd"),
                        tuple("test.host", "user2", "pwd2"),
                        tuple("oneline", "user3", "pwd3"),
                        tuple("hasmacro.too", "user4", "pwd4"));
    }

    @Test
    void marksEntriesWithTheFileTheyCameFrom() {
        assertThat(parse("machine h login u password p"))
                .singleElement()
                .isEqualTo(new Credential("h", "u", "p", "/home/u/.netrc"));
    }

    @Test
    void separatesTokensByAnyWhitespaceWithinALine() {
        assertThat(parse("machine\tgit.corp.example \u00A0login  u\r\npassword\u000Bp\r\n"))
                .extracting(Credential::host, Credential::password)
                .containsExactly(tuple("git.corp.example", "p"));
    }

    @Test
    void pairsTokensWithinALineOnlyLikeGo() {
        // "machine" at the end of a line has no value on that line: Go skips it, so "h" pairs with "login".
        assertThat(parse("machine\nh login u password p\n")).isEmpty();
    }

    @Test
    void skipsUnknownKeysWithTheirValue() {
        assertThat(parse("machine h account acct login u password p"))
                .extracting(Credential::username)
                .containsExactly("u");
    }

    @Test
    void macroRunsUntilAnEmptyLineOnly() {
        String netrc = "macdef init\nmachine hidden login a password b\n   \nmachine still.hidden login c password d\n"
                + "\nmachine seen login e password f\n";

        assertThat(parse(netrc)).extracting(Credential::host).containsExactly("seen");
    }

    @Test
    void defaultEntryIsNeverUsedAndEndsTheFile() {
        assertThat(parse("default login anon password x\nmachine h login u password p\n"))
                .extracting(Credential::host)
                .containsExactly("h");
        assertThat(parse("default\nmachine h login u password p\n")).isEmpty();
    }

    @Test
    void quotesAreNotSpecial() {
        assertThat(parse("machine h login u password \"p q\""))
                .extracting(Credential::password)
                .containsExactly("\"p");
    }
}

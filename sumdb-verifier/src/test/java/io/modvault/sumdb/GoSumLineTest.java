package io.modvault.sumdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.SumdbException.Reason;
import io.modvault.sumdb.dirhash.DirHash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoSumLineTest {

    @Test
    void parsesAndFormatsRealGoSumLines() {
        List<String> lines = List.of(
                "rsc.io/quote v1.5.2 h1:w5fcysjrx7yqtD/aO+QwRjYZOKnaM9Uh2b40tElTs3Y=",
                "rsc.io/quote v1.5.2/go.mod h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=",
                "github.com/BurntSushi/toml v0.3.1 h1:WXkYYl6Yr3qBf1K79EBnL4mak0OimBfB0XUf9Vl28OQ=",
                "github.com/Azure/azure-sdk-for-go v35.0.0+incompatible/go.mod h1:9XXNKU+eRnpl9moKnB4QOLf1HestfXbmab5FXxiDBjc=",
                "golang.org/toolchain v0.0.1-go1.21.9.linux-amd64 h1:rRL9rPpsjKfpdDFcppvNgw1/dynUMrpDcTxdIwtyFR0=");

        for (String line : lines) {
            assertThat(GoSumLine.parse(line).format()).isEqualTo(line);
            assertThat(GoSumLine.parse(line + "\n").toString()).isEqualTo(line);
        }
    }

    @Test
    void separatesGoModLinesFromZipLines() {
        GoSumLine mod = GoSumLine.parse(
                "github.com/Azure/azure-sdk-for-go v35.0.0+incompatible/go.mod h1:9XXNKU+eRnpl9moKnB4QOLf1HestfXbmab5FXxiDBjc=");
        GoSumLine zip =
                GoSumLine.parse("github.com/BurntSushi/toml v0.3.1 h1:WXkYYl6Yr3qBf1K79EBnL4mak0OimBfB0XUf9Vl28OQ=");

        assertThat(mod.isGoMod()).isTrue();
        assertThat(mod.baseVersion()).isEqualTo("v35.0.0+incompatible");
        assertThat(mod.module()).isEqualTo("github.com/Azure/azure-sdk-for-go");
        assertThat(zip.isGoMod()).isFalse();
        assertThat(zip.baseVersion()).isEqualTo("v0.3.1");
    }

    @Test
    void realGoModLinesAreTheHashOfTheGoModFile() {
        assertThat(GoSumLine.parse("golang.org/x/text v0.3.0/go.mod h1:NqM8EUOU14njkJ3fqMW+pc6Ldnwhi/IjpwHt7yyuwOQ=")
                        .hash())
                .isEqualTo(DirHash.hashGoMod("module golang.org/x/text\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(GoSumLine.parse("rsc.io/sampler v1.3.0/go.mod h1:T1hPZKmBbMNahiBKFy5HrXp6adAjACjK9JXDnKaTXpA=")
                        .hash())
                .isEqualTo(DirHash.hashGoMod(("module \"rsc.io/sampler\"\n\nrequire \"golang.org/x/text\" "
                                + "v0.0.0-20170915032832-14c0d48ead0c\n")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rejectsLinesWithTheWrongNumberOfFields() {
        for (String bad : List.of("", "rsc.io/quote v1.5.2", "rsc.io/quote v1.5.2 h1:abc extra", "rsc.io/quote")) {
            assertThatThrownBy(() -> GoSumLine.parse(bad))
                    .as(bad)
                    .isInstanceOfSatisfying(
                            SumdbException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                    .hasMessageContaining("wrong number of fields");
        }
        assertThatThrownBy(() -> new GoSumLine("a b", "v1.0.0", "h1:x")).isInstanceOf(IllegalArgumentException.class);
    }
}

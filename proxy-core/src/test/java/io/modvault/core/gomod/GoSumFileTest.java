package io.modvault.core.gomod;

import static io.modvault.core.gomod.GoModFileTest.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modvault.sumdb.GoSumLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** go.sum read as the go command's readGoSum reads it. */
class GoSumFileTest {

    @Test
    void readsModuleVersionAndHashOfEachLine() {
        List<GoSumLine> lines = GoSumFile.parse("go.sum", utf8("""
                github.com/Azure/azure-sdk-for-go v68.0.0+incompatible h1:fcYLmCpyNYRnvJbPerq7U0hS+6+I79yEDJBqVNcqUzU=
                github.com/Azure/azure-sdk-for-go v68.0.0+incompatible/go.mod h1:d6XB1hs5Y2+9QO/DRKQTGjsAGYpUQMymVxQpufGbBTqk=

                golang.org/x/text v0.14.0 h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=
                golang.org/x/text v0.14.0/go.mod h1:18ZOQIKpY8NJVqYksKHtTdi31H5itFRjB5/qKTNYzSU=
                """));

        assertThat(lines)
                .extracting(GoSumLine::module)
                .containsExactly(
                        "github.com/Azure/azure-sdk-for-go",
                        "github.com/Azure/azure-sdk-for-go",
                        "golang.org/x/text",
                        "golang.org/x/text");
        assertThat(lines).extracting(GoSumLine::isGoMod).containsExactly(false, true, false, true);
        assertThat(lines.get(1).baseVersion()).isEqualTo("v68.0.0+incompatible");
        assertThat(lines.get(2).hash()).isEqualTo("h1:ScX5w1eTa3QqT8oi6+ziP7dTV1S2+ALU0bI+0zXKWiQ=");
    }

    @Test
    void dropsTheEmptyGoModHashOfOldGoCommands() {
        List<GoSumLine> lines = GoSumFile.parse(
                "go.sum",
                utf8("a.example/m v1.0.0/go.mod " + GoSumFile.EMPTY_GO_MOD_HASH
                        + "\r\na.example/m v1.0.0 h1:abc=\r\n"));

        assertThat(lines).containsExactly(new GoSumLine("a.example/m", "v1.0.0", "h1:abc="));
    }

    @Test
    void namesTheLineWithTheWrongNumberOfFields() {
        assertThatThrownBy(() -> GoSumFile.parse("go.sum", utf8("a.example/m v1.0.0 h1:abc=\n\na.example/m v1.0.0\n")))
                .isInstanceOf(GoModException.class)
                .hasMessage("go.sum:3: wrong number of fields 2");
    }
}

package io.modvault.core.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.protocol.ParseResult.Parsed;
import io.modvault.core.protocol.ParseResult.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProxyRequestParserTest {

    private static ProxyRequest parsed(String uri) {
        ParseResult result = ProxyRequestParser.parse(uri);
        assertThat(result).as(uri).isInstanceOf(Parsed.class);
        return ((Parsed) result).request();
    }

    private static Rejected rejected(String uri) {
        ParseResult result = ProxyRequestParser.parse(uri);
        assertThat(result).as(uri).isInstanceOf(Rejected.class);
        return (Rejected) result;
    }

    @Test
    void parsesEveryArtifactKind() {
        assertThat(parsed("/golang.org/x/text/@v/list")).isInstanceOf(ProxyRequest.ListVersions.class);
        assertThat(parsed("/golang.org/x/text/@latest")).isInstanceOf(ProxyRequest.Latest.class);
        assertThat(parsed("/golang.org/x/text/@v/v0.3.0.info"))
                .isEqualTo(new ProxyRequest.Info(
                        io.modvault.core.module.ModulePath.of("golang.org/x/text"), "v0.3.0", true));
        assertThat(parsed("/golang.org/x/text/@v/v0.3.0.mod")).isInstanceOf(ProxyRequest.Mod.class);
        assertThat(parsed("/golang.org/x/text/@v/v0.3.0.zip")).isInstanceOf(ProxyRequest.Zip.class);
    }

    @Test
    void decodesBangAndPercentEscapesOfPathAndVersion() {
        ProxyRequest.Zip zip =
                (ProxyRequest.Zip) parsed("/github.com/%21azure/azure-sdk-for-go/@v/v1.0.0-%21r%21c1.zip");
        assertThat(zip.module().value()).isEqualTo("github.com/Azure/azure-sdk-for-go");
        assertThat(zip.version()).isEqualTo("v1.0.0-RC1");
        assertThat(zip.upstreamPath()).isEqualTo("github.com/!azure/azure-sdk-for-go/@v/v1.0.0-!r!c1.zip");
        ProxyRequest.Mod literalBang = (ProxyRequest.Mod) parsed("/github.com/!burnt!sushi/toml/@v/v0.3.1.mod");
        assertThat(literalBang.module().value()).isEqualTo("github.com/BurntSushi/toml");
    }

    @Test
    void keepsPlusOfIncompatibleVersions() {
        ProxyRequest.Mod mod = (ProxyRequest.Mod) parsed("/example.test/legacy/@v/v2.0.0+incompatible.mod");
        assertThat(mod.version()).isEqualTo("v2.0.0+incompatible");
    }

    @Test
    void treatsNonCanonicalInfoAsQuery() {
        assertThat(parsed("/example.test/m/@v/master.info"))
                .isEqualTo(new ProxyRequest.Info(
                        io.modvault.core.module.ModulePath.of("example.test/m"), "master", false));
        assertThat(((ProxyRequest.Info) parsed("/example.test/m/@v/v1.2.info")).canonical())
                .isFalse();
        assertThat(((ProxyRequest.Info) parsed("/example.test/m/@v/v2.0.0.info")).canonical())
                .isFalse();
        assertThat(((ProxyRequest.Info) parsed("/example.test/m/v2/@v/v2.0.0.info")).canonical())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/example.test/../etc/passwd/@v/list",
                "/example.test/%2e%2e/x/@v/list",
                "/example.test/%2E%2E/@v/v1.0.0.zip",
                "/example.test/a%2fb/@v/list",
                "/github.com/Azure/azure-sdk-for-go/@v/list",
                "/example.test/m/@v/v1.0.0-RC1.zip",
                "/example.test/m/@v/v1.0.zip",
                "/example.test/m/@v/master.mod",
                "/example.test/m/@v/v2.0.0.mod",
                "/example.test/m/@v/v1.0.0%zz.info",
                "/example.test/m/@v/v1.0.0\u00e9.info",
                "/example.test/m!/@v/list",
                "/sumdb/sum.golang.org/lookup/example.test/m@v1.0",
            })
    void rejectsMalformedInputWith400(String uri) {
        assertThat(rejected(uri).status()).isEqualTo(400);
        assertThat(rejected(uri).reason()).isNotBlank().doesNotContain("\n");
    }

    @Test
    void rejectsFourKilobytePaths() {
        String uri = "/example.test/" + "a".repeat(4096) + "/@v/list";
        assertThat(rejected(uri).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/", "/favicon.ico", "/example.test/m", "/example.test/m/@v/", "/example.test/m/@v/v1.0.0.tar"})
    void answersPathsOutsideTheProtocolWith404(String uri) {
        assertThat(rejected(uri).status()).isEqualTo(404);
    }

    @Test
    void parsesChecksumDatabasePathsAndNormalisesLookups() {
        assertThat(parsed("/sumdb/sum.golang.org/supported"))
                .isEqualTo(new ProxyRequest.Sumdb("sum.golang.org", "supported"));
        assertThat(parsed("/sumdb/sum.golang.org/tile/8/0/x001/234.p/5"))
                .isEqualTo(new ProxyRequest.Sumdb("sum.golang.org", "tile/8/0/x001/234.p/5"));
        assertThat(parsed("/sumdb/sum.golang.org/tile/8/data/000"))
                .isEqualTo(new ProxyRequest.Sumdb("sum.golang.org", "tile/8/data/000"));
        assertThat(parsed("/sumdb/sum.golang.org/lookup/github.com/%21burnt%21sushi/toml@v0.3.1"))
                .isEqualTo(new ProxyRequest.Sumdb("sum.golang.org", "lookup/github.com/!burnt!sushi/toml@v0.3.1"));
    }

    @Test
    void ignoresQueryStrings() {
        assertThat(parsed("/golang.org/x/text/@v/list?go-get=1")).isInstanceOf(ProxyRequest.ListVersions.class);
    }
}

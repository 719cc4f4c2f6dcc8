package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The go command's GOPROXY list grammar (modfetch proxyList). */
class ProxyChainParserTest {

    private final List<URI> created = new ArrayList<>();
    private final Function<URI, UpstreamClient> clients = uri -> {
        created.add(uri);
        return new ScriptedUpstream(uri.toString(), ScriptedUpstream.Kind.NOT_FOUND);
    };

    private ProxyChain parse(String goproxy) {
        return ProxyChain.parse(goproxy, clients);
    }

    @Test
    void keepsSeparatorsAfterEachEntryInTheName() {
        ProxyChain chain = parse("https://a.example|https://b.example,https://c.example");

        assertThat(chain.name()).isEqualTo("https://a.example|https://b.example,https://c.example");
        assertThat(chain.entries()).containsExactly("https://a.example", "https://b.example", "https://c.example");
    }

    @Test
    void trimsWhitespaceAndSkipsEmptyEntries() {
        ProxyChain chain = parse(" https://a.example , ,,| https://b.example\t,");

        assertThat(chain.entries()).containsExactly("https://a.example", "https://b.example");
        assertThat(chain.name()).isEqualTo("https://a.example,https://b.example");
    }

    @Test
    void emptyEntryKeepsTheModeOfTheSeparatorAfterTheRealEntry() {
        assertThat(parse("https://a.example|,https://b.example").name())
                .isEqualTo("https://a.example|https://b.example");
        assertThat(parse("https://a.example,|https://b.example").name())
                .isEqualTo("https://a.example,https://b.example");
    }

    @Test
    void bareHostsGetHttps() {
        ProxyChain chain = parse("proxy.example.com,localhost:8080,corp.example/gp");

        assertThat(created)
                .containsExactly(
                        URI.create("https://proxy.example.com"),
                        URI.create("https://localhost:8080"),
                        URI.create("https://corp.example/gp"));
        assertThat(chain.name()).isEqualTo("https://proxy.example.com,https://localhost:8080,https://corp.example/gp");
    }

    @Test
    void keepsExplicitSchemesAndLowercasesThem() {
        parse("http://a.example,file:///srv/goproxy,HTTPS://B.example/x");

        assertThat(created)
                .containsExactly(
                        URI.create("http://a.example"),
                        URI.create("file:///srv/goproxy"),
                        URI.create("https://B.example/x"));
    }

    @Test
    void offEndsTheList() {
        ProxyChain chain = parse("https://a.example,off,https://b.example,direct,ftp://x");

        assertThat(chain.entries()).containsExactly("https://a.example", "off");
        assertThat(chain.name()).isEqualTo("https://a.example,off");
        assertThat(created).hasSize(1);
    }

    @Test
    void refusesDirectWhenNoDirectFetcherIsGiven() {
        for (String goproxy : new String[] {"direct", "https://a.example,direct", " direct |https://a.example"}) {
            assertThatThrownBy(() -> parse(goproxy))
                    .as(goproxy)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(ProxyChain.DIRECT_NOT_SUPPORTED);
        }
        assertThat(ProxyChain.DIRECT_NOT_SUPPORTED)
                .isEqualTo(
                        "GOPROXY: 'direct' is not available here; list proxy URLs (https://, http://, file://) or off");
    }

    @Test
    void directEndsTheListWhenADirectFetcherIsGiven() {
        UpstreamClient direct = new UpstreamClient() {
            @Override
            public String name() {
                return "direct";
            }

            @Override
            public UpstreamResult<byte[]> fetchBytes(String path, long maxBytes) {
                return new UpstreamResult.NotFound<>("direct", 404, "not found");
            }

            @Override
            public UpstreamResult<DownloadedFile> fetchFile(String path, java.nio.file.Path target, long maxBytes) {
                return new UpstreamResult.NotFound<>("direct", 404, "not found");
            }
        };
        ProxyChain chain = ProxyChain.parse("https://a.example,direct,https://b.example", clients, () -> direct);
        assertThat(chain.entries()).hasSize(2).first().isEqualTo("https://a.example");
        assertThat(chain.entries().get(1)).isEqualTo(direct.name());
    }

    @Test
    void rejectsOtherSchemesWithGoMessage() {
        assertThatThrownBy(() -> parse("https://a.example,ftp://user:pw@mirror.example/go"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid proxy URL scheme (must be https, http, file): ftp://mirror.example/go");
    }

    @Test
    void rejectsSingleWordsAndAbsolutePathsAsMissingScheme() {
        assertThatThrownBy(() -> parse("noproxy")).hasMessage("invalid proxy URL missing scheme: noproxy");
        assertThatThrownBy(() -> parse("/srv/goproxy")).hasMessage("invalid proxy URL missing scheme: /srv/goproxy");
    }

    @Test
    void rejectsUnparsableUrlsWithoutEchoingCredentials() {
        assertThatThrownBy(() -> parse("https://user:pw@a.example/has space"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid proxy URL https://a.example/has space")
                .message()
                .doesNotContain("pw");
    }

    @Test
    void rejectsListsWithoutEntries() {
        assertThatThrownBy(() -> parse("")).hasMessage(ProxyChainParser.EMPTY);
        assertThatThrownBy(() -> parse(" , |,"))
                .hasMessage("GOPROXY list is not the empty string, but contains no entries");
    }

    @Test
    void nameOmitsCredentials() {
        HttpUpstreamSettings settings = HttpUpstreamSettings.defaults("test");
        ProxyChain chain = ProxyChain.parse(
                "https://alice:s3cret@corp.example/gp|https://proxy.golang.org",
                uri -> Upstreams.forUri(uri, settings));

        assertThat(chain.name()).isEqualTo("https://corp.example/gp|https://proxy.golang.org");
        assertThat(chain.entries()).containsExactly("https://corp.example/gp", "https://proxy.golang.org");
        assertThat(chain.toString()).doesNotContain("s3cret");
    }
}

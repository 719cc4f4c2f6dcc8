package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UpstreamUrlsTest {

    @Test
    void escapesPathsLikeGoPathEscapeKeepingSlashes() {
        assertThat(UpstreamUrls.escapePath("github.com/!azure/go-sdk/@v/v1.0.0+incompatible.zip"))
                .isEqualTo("github.com/%21azure/go-sdk/@v/v1.0.0+incompatible.zip");
        assertThat(UpstreamUrls.escapePath("a b/c?d#e;f,g~h_i$j&k=l:m"))
                .isEqualTo("a%20b/c%3Fd%23e%3Bf%2Cg~h_i$j&k=l:m");
        assertThat(UpstreamUrls.escapePath("example.com/ü")).isEqualTo("example.com/%C3%BC");
    }

    @Test
    void redactsUserinfoFromUrisAndUnparsableText() {
        assertThat(UpstreamUrls.redact(URI.create("https://u:p@corp.example:8443/gp?x=1#f")))
                .isEqualTo("https://corp.example:8443/gp?x=1#f");
        assertThat(UpstreamUrls.redact(URI.create("https://corp.example/a@b"))).isEqualTo("https://corp.example/a@b");
        assertThat(UpstreamUrls.redact("https://u:p@w@corp.example/a b@c")).isEqualTo("https://corp.example/a b@c");
        assertThat(UpstreamUrls.redact("user:pw@host")).isEqualTo("host");
    }

    @Test
    void acceptsOnlyPlainRelativePaths() {
        assertThat(UpstreamUrls.checkPath("sumdb/sum.golang.org/lookup/golang.org/x/text@v0.3.0"))
                .isEmpty();
        assertThat(UpstreamUrls.checkPath("golang.org/x/text/@v/v0.3.0.mod")).isEmpty();
        for (String bad :
                new String[] {"", "/a", "a/", "a//b", "./a", "a/./b", "a/..", "..", "a\\b", "a\u0000b", "a\nb"}) {
            assertThat(UpstreamUrls.checkPath(bad)).as(bad).isPresent();
        }
    }

    @Test
    void buildsBasicAuthorizationFromDecodedUserinfo() {
        assertThat(UpstreamUrls.basicAuthorization(URI.create("https://alice:p%40ss@h/")))
                .contains("Basic YWxpY2U6cEBzcw==");
        assertThat(UpstreamUrls.basicAuthorization(URI.create("https://token@h/")))
                .contains("Basic dG9rZW46");
        assertThat(UpstreamUrls.basicAuthorization(URI.create("https://h/"))).isEmpty();
    }
}

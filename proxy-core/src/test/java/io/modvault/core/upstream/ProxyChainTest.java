package io.modvault.core.upstream;

import static io.modvault.core.upstream.ScriptedUpstream.Kind.FAILED;
import static io.modvault.core.upstream.ScriptedUpstream.Kind.FOUND;
import static io.modvault.core.upstream.ScriptedUpstream.Kind.NOT_FOUND;
import static io.modvault.core.upstream.ScriptedUpstream.Kind.REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import io.modvault.core.upstream.UpstreamResult.NotFound;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The go command's fallback rules when walking a GOPROXY list (modfetch TryProxies). */
class ProxyChainTest {

    private static final String PATH = "example.com/m/@v/v1.0.0.info";

    /** Upstreams by host, created when the parser asks for them. */
    private final Map<String, ScriptedUpstream> upstreams = new LinkedHashMap<>();

    private ProxyChain chain(String goproxy, ScriptedUpstream.Kind... kinds) {
        String[] hosts = {"a.example", "b.example", "c.example"};
        for (int i = 0; i < kinds.length; i++) {
            upstreams.put(hosts[i], new ScriptedUpstream("https://" + hosts[i], kinds[i]));
        }
        return ProxyChain.parse(goproxy, (URI uri) -> upstreams.get(uri.getHost()));
    }

    private ScriptedUpstream upstream(String host) {
        return upstreams.get(host);
    }

    @Test
    void firstFoundWinsAndLaterEntriesAreNotAsked() {
        UpstreamResult<byte[]> result =
                chain("https://a.example,https://b.example", FOUND, FOUND).fetchBytes(PATH, 10);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(result.upstream()).isEqualTo("https://a.example");
        assertThat(upstream("b.example").calls()).isEmpty();
    }

    @Test
    void notFoundFallsThroughAfterComma() {
        UpstreamResult<byte[]> result =
                chain("https://a.example,https://b.example", NOT_FOUND, FOUND).fetchBytes(PATH, 10);

        assertThat(result.upstream()).isEqualTo("https://b.example");
        assertThat(result).isInstanceOf(Found.class);
    }

    @Test
    void failureAfterCommaIsFinal() {
        UpstreamResult<byte[]> result =
                chain("https://a.example,https://b.example", FAILED, FOUND).fetchBytes(PATH, 10);

        assertThat(result)
                .isEqualTo(new Failed<byte[]>(
                        "https://a.example", "500 Internal Server Error from https://a.example", false));
        assertThat(upstream("b.example").calls()).isEmpty();
    }

    @Test
    void refusalAfterCommaIsFinalLikeTheGoCommandsNonNotFoundErrors() {
        UpstreamResult<byte[]> result =
                chain("https://a.example,https://b.example", REFUSED, FOUND).fetchBytes(PATH, 10);

        assertThat(result)
                .isEqualTo(
                        new UpstreamResult.Refused<byte[]>("https://a.example", 403, "forbidden by https://a.example"));
        assertThat(upstream("b.example").calls()).isEmpty();
    }

    @Test
    void refusalFallsThroughAfterPipeAndBeatsALaterNotFound() {
        UpstreamResult<byte[]> found =
                chain("https://a.example|https://b.example", REFUSED, FOUND).fetchBytes(PATH, 10);
        UpstreamResult<byte[]> notFound =
                chain("https://a.example|https://b.example", REFUSED, NOT_FOUND).fetchBytes(PATH, 10);

        assertThat(found).isInstanceOf(Found.class);
        assertThat(notFound).isInstanceOf(UpstreamResult.Refused.class);
        assertThat(notFound.upstream()).isEqualTo("https://a.example");
    }

    @Test
    void anyFailureFallsThroughAfterPipe() {
        UpstreamResult<byte[]> result =
                chain("https://a.example|https://b.example", FAILED, FOUND).fetchBytes(PATH, 10);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(result.upstream()).isEqualTo("https://b.example");
    }

    @Test
    void separatorAfterAnEntryDecidesItsModeNotTheOneBefore() {
        UpstreamResult<byte[]> result = chain(
                        "https://a.example|https://b.example,https://c.example", FAILED, FAILED, FOUND)
                .fetchBytes(PATH, 10);

        assertThat(result.upstream()).isEqualTo("https://b.example");
        assertThat(result).isInstanceOf(Failed.class);
        assertThat(upstream("c.example").calls()).isEmpty();
    }

    @Test
    void failureBeatsALaterNotFound() {
        UpstreamResult<byte[]> result =
                chain("https://a.example|https://b.example", FAILED, NOT_FOUND).fetchBytes(PATH, 10);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(result.upstream()).isEqualTo("https://a.example");
        assertThat(upstream("b.example").calls()).containsExactly(PATH);
    }

    @Test
    void failureBeatsAnEarlierNotFound() {
        UpstreamResult<byte[]> result =
                chain("https://a.example,https://b.example", NOT_FOUND, FAILED).fetchBytes(PATH, 10);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(result.upstream()).isEqualTo("https://b.example");
    }

    @Test
    void lastNotFoundIsReportedWhenNothingFailed() {
        UpstreamResult<byte[]> result = chain("https://a.example,https://b.example", NOT_FOUND, NOT_FOUND)
                .fetchBytes(PATH, 10);

        assertThat(result).isEqualTo(new NotFound<byte[]>("https://b.example", 404, "not found at https://b.example"));
    }

    @Test
    void lastFailureIsReportedAmongFailures() {
        UpstreamResult<byte[]> result =
                chain("https://a.example|https://b.example|", FAILED, FAILED).fetchBytes(PATH, 10);

        assertThat(result.upstream()).isEqualTo("https://b.example");
    }

    @Test
    void offRefusesAsNotFoundAfterEarlierNotFound() {
        UpstreamResult<byte[]> result =
                chain("https://a.example,off", NOT_FOUND).fetchBytes(PATH, 10);

        assertThat(result).isEqualTo(new NotFound<byte[]>("off", 404, "module lookup disabled by GOPROXY=off"));
    }

    @Test
    void offAloneRefusesEverything() {
        ProxyChain off = chain("off");

        assertThat(off.fetchBytes(PATH, 10))
                .isEqualTo(new NotFound<byte[]>("off", 404, "module lookup disabled by GOPROXY=off"));
        assertThat(off.fetchFile(PATH, Path.of("unused"), 10)).isInstanceOf(NotFound.class);
    }

    @Test
    void failureBeforeOffIsStillTheReportedError() {
        UpstreamResult<byte[]> result = chain("https://a.example|off", FAILED).fetchBytes(PATH, 10);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(result.upstream()).isEqualTo("https://a.example");
    }

    @Test
    void entriesAfterOffAreNeverAsked() {
        ProxyChain chain = chain("https://a.example,off,https://b.example", NOT_FOUND, FOUND);

        assertThat(chain.fetchBytes(PATH, 10)).isInstanceOf(NotFound.class);
        assertThat(chain.entries()).containsExactly("https://a.example", "off");
        assertThat(upstream("b.example").calls()).isEmpty();
    }

    @Test
    void everyEntryWritesTheSameTarget() {
        Path target = Path.of("/tmp/target.zip");
        ProxyChain chain = chain("https://a.example|https://b.example,https://c.example", FAILED, NOT_FOUND, FOUND);

        UpstreamResult<DownloadedFile> result = chain.fetchFile(PATH, target, 10);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(result.upstream()).isEqualTo("https://c.example");
        assertThat(upstream("a.example").targets()).containsExactly(target);
        assertThat(upstream("b.example").targets()).containsExactly(target);
        assertThat(upstream("c.example").targets()).containsExactly(target);
    }
}

package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.modvault.core.upstream.UpstreamResult.Found;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A parsed chain over real loopback servers and a file:// tree. */
class ProxyChainHttpTest {

    private static final String ZIP = "example.com/m/@v/v1.0.0.zip";

    @TempDir
    Path tmp;

    private LoopbackHttpServer first;
    private LoopbackHttpServer second;
    private final HttpUpstreamSettings settings = new HttpUpstreamSettings(
            Duration.ofSeconds(2), Duration.ofSeconds(5), Optional.empty(), "modvault/chain-test");

    @BeforeEach
    void start() throws IOException {
        first = LoopbackHttpServer.start();
        second = LoopbackHttpServer.start();
        second.handle("/" + ZIP, ex -> LoopbackHttpServer.respond(ex, 200, "application/zip", "zip from second"));
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
    }

    private ProxyChain chain(String goproxy) {
        return ProxyChain.parse(goproxy, uri -> Upstreams.forUri(uri, settings));
    }

    @Test
    void fallsFromAMissingFileTreeAndA404ServerToTheServerThatHasIt() throws IOException {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Path target = tmp.resolve("out.zip");

        UpstreamResult<DownloadedFile> result =
                chain(tree.toUri() + "," + first.base() + "," + second.base()).fetchFile(ZIP, target, 1000);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(result.upstream()).isEqualTo(second.base().toString());
        assertThat(Files.readString(target)).isEqualTo("zip from second");
        assertThat(first.requests()).hasSize(1);
    }

    @Test
    void refusalAfterCommaStopsTheWalk() {
        first.handle("/" + ZIP, ex -> LoopbackHttpServer.respond(ex, 403, "text/plain", "blocked by policy"));

        UpstreamResult<byte[]> result =
                chain(first.base() + "," + second.base()).fetchBytes(ZIP, 1000);

        assertThat(result)
                .isEqualTo(new UpstreamResult.Refused<byte[]>(first.base().toString(), 403, "blocked by policy"));
        assertThat(second.requests()).isEmpty();
    }

    @Test
    void serverErrorAfterPipeFallsThrough() {
        first.handle("/" + ZIP, ex -> LoopbackHttpServer.respond(ex, 503, null, ""));

        UpstreamResult<byte[]> result =
                chain(first.base() + "|" + second.base()).fetchBytes(ZIP, 1000);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(second.requests()).hasSize(1);
    }
}

package io.modvault.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.modvault.core.upstream.UpstreamResult.Failed;
import io.modvault.core.upstream.UpstreamResult.Found;
import io.modvault.core.upstream.UpstreamResult.NotFound;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUpstreamClientTest {

    @TempDir
    Path tmp;

    private Path root;
    private FileUpstreamClient client;

    @BeforeEach
    void tree() throws IOException {
        root = tmp.resolve("download");
        Path versions = Files.createDirectories(root.resolve("github.com/!burnt!sushi/toml/@v"));
        Files.writeString(versions.resolve("list"), "v0.3.1\n");
        Files.writeString(tmp.resolve("secret"), "outside the root");
        client = new FileUpstreamClient(root.toUri());
    }

    @Test
    void servesFilesOfTheTreeNamedByItsUrl() {
        UpstreamResult<byte[]> result = client.fetchBytes("github.com/!burnt!sushi/toml/@v/list", 100);

        assertThat(result).isInstanceOf(Found.class);
        assertThat(new String(((Found<byte[]>) result).body(), StandardCharsets.UTF_8))
                .isEqualTo("v0.3.1\n");
        assertThat(client.name()).isEqualTo(root.toUri().toString());
        assertThat(result.upstream()).isEqualTo(client.name());
    }

    @Test
    void missingFilesAndDirectoriesAreNotFound404() {
        assertThat(client.fetchBytes("github.com/!burnt!sushi/toml/@v/v9.9.9.info", 100))
                .isEqualTo(new NotFound<byte[]>(
                        client.name(), 404, "not found: github.com/!burnt!sushi/toml/@v/v9.9.9.info"));
        assertThat(client.fetchBytes("example.com/none/@v/list", 100)).isInstanceOf(NotFound.class);
    }

    @Test
    void pathThroughARegularFileIsATerminalErrorAsInGo() throws IOException {
        Files.writeString(root.resolve("plainfile"), "x");

        UpstreamResult<byte[]> result = client.fetchBytes("plainfile/@v/list", 100);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed<byte[]>) result).reason()).startsWith("reading plainfile/@v/list: ");
    }

    @Test
    void refusesPathsEscapingTheRoot() {
        for (String path : new String[] {"../secret", "github.com/../../secret", "/etc/passwd", "./x", "a//b"}) {
            UpstreamResult<byte[]> result = client.fetchBytes(path, 100);
            assertThat(result).as(path).isInstanceOf(Failed.class);
            assertThat(((Failed<byte[]>) result).reason()).as(path).startsWith("invalid path");
        }
        assertThat(client.resolve("../secret")).isEmpty();
        assertThat(client.resolve("github.com/x")).contains(root.resolve("github.com/x"));
    }

    @Test
    void mapsPermissionDeniedToTerminalFailureMentioning403() {
        FileUpstreamClient denied = new FileUpstreamClient(root.toUri(), file -> {
            throw new AccessDeniedException(file.toString());
        });

        UpstreamResult<byte[]> result = denied.fetchBytes("github.com/!burnt!sushi/toml/@v/list", 100);

        assertThat(result)
                .isEqualTo(new Failed<byte[]>(
                        client.name(),
                        "permission denied reading "
                                + "github.com/!burnt!sushi/toml/@v/list (the go command reports this as 403 Forbidden)",
                        false));
    }

    @Test
    void unreadableFileOnDiskIsPermissionDenied() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads files whatever their mode");
        Path list = root.resolve("github.com/!burnt!sushi/toml/@v/list");
        Files.setPosixFilePermissions(list, PosixFilePermissions.fromString("---------"));

        UpstreamResult<byte[]> result = client.fetchBytes("github.com/!burnt!sushi/toml/@v/list", 100);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed<byte[]>) result).reason()).contains("403");
    }

    @Test
    void copiesFileToTruncatedTargetWhileHashing() throws Exception {
        byte[] zip = new byte[300_001];
        new Random(7).nextBytes(zip);
        Files.write(root.resolve("github.com/!burnt!sushi/toml/@v/v0.3.1.zip"), zip);
        Path target = tmp.resolve("target.zip");
        Files.write(target, new byte[1_000_000]);

        UpstreamResult<DownloadedFile> result =
                client.fetchFile("github.com/!burnt!sushi/toml/@v/v0.3.1.zip", target, zip.length);

        assertThat(result)
                .isEqualTo(new Found<>(client.name(), new DownloadedFile(target, zip.length, Hashes.sha256Hex(zip))));
        assertThat(Files.readAllBytes(target)).isEqualTo(zip);
    }

    @Test
    void failsFilesLargerThanTheLimit() {
        UpstreamResult<byte[]> result = client.fetchBytes("github.com/!burnt!sushi/toml/@v/list", 6);

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed<byte[]>) result).reason()).contains("exceeds the limit of 6 bytes");
        assertThat(client.fetchBytes("github.com/!burnt!sushi/toml/@v/list", 7)).isInstanceOf(Found.class);
    }

    @Test
    void acceptsOnlyFileUrlsWithNothingButAPath() {
        assertThatThrownBy(() -> new FileUpstreamClient(URI.create("file://server/share")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid file:// proxy URL with non-path elements");
        assertThatThrownBy(() -> new FileUpstreamClient(URI.create("file:///x?y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FileUpstreamClient(URI.create("https://x/y")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new FileUpstreamClient(URI.create("file:/srv/goproxy")).name())
                .isEqualTo("file:/srv/goproxy");
    }
}

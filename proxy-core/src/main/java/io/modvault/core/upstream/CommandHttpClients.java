package io.modvault.core.upstream;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The HTTP client the command-line tools use to talk to one named server ({@code prewarm
 * --server}, {@code prewarm --feed}): HTTP/1.1, so {@code --jobs} requests in flight travel on as
 * many connections instead of queueing behind one HTTP/2 connection's stream limit, redirects
 * followed as the go command follows them (never https to http).
 */
public final class CommandHttpClients {
    private CommandHttpClients() {}

    public static HttpClient create(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }
}

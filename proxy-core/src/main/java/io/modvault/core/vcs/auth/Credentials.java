package io.modvault.core.vcs.auth;

import io.modvault.core.vcs.git.GitAuth;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Credentials for git hosts, from the setting {@code MODVAULT_GIT_CREDENTIALS} (checked first)
 * and the netrc file ({@code NETRC}, else {@code $HOME/.netrc}, read once, with the go command's
 * parser). Like the go command, credentials go only over https; modvault also sends them over
 * plain http to hosts matched by GOINSECURE, where the operator has said plain http is acceptable.
 * Secrets never appear in {@code toString}, messages or logs; system git receives them through
 * {@link #gitAuth} as {@code GIT_CONFIG_COUNT} variables, never on its command line, which every
 * local user can see.
 */
public final class Credentials {

    /** {@code host=user:password} or {@code host=token}, comma-separated; hosts may carry a port. */
    public static final String SETTING = "MODVAULT_GIT_CREDENTIALS";
    /** The user name sent with a bare token; GitHub, GitLab and Gitea accept any name with a token. */
    public static final String TOKEN_USER = "x-access-token";

    private final List<Credential> configured;
    private final List<Credential> netrc;
    private final String netrcDescription;
    private final Predicate<String> insecureHost;

    private Credentials(
            List<Credential> configured,
            List<Credential> netrc,
            String netrcDescription,
            Predicate<String> insecureHost) {
        this.configured = List.copyOf(configured);
        this.netrc = List.copyOf(netrc);
        this.netrcDescription = netrcDescription;
        this.insecureHost = insecureHost;
    }

    /**
     * Reads {@code MODVAULT_GIT_CREDENTIALS}, {@code NETRC} and {@code HOME} from {@code settings}.
     * A missing netrc file is no error (as in the go command); an unreadable one is reported by
     * {@link #describeSources}.
     *
     * @param insecureHost GOINSECURE applied to a host name, e.g. {@code routingPolicy::insecure}
     * @throws IllegalArgumentException for a malformed MODVAULT_GIT_CREDENTIALS entry (the message
     *     names the entry's position and host, never its secret)
     */
    public static Credentials load(Map<String, String> settings, Predicate<String> insecureHost) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(insecureHost, "insecureHost");
        List<Credential> configured = CredentialSetting.parse(settings.getOrDefault(SETTING, ""), SETTING);
        Optional<Path> path = netrcPath(settings);
        if (path.isEmpty()) {
            return new Credentials(configured, List.of(), "~/.netrc (HOME unset)", insecureHost);
        }
        String name = path.get().toString();
        try {
            String data = Files.readString(path.get(), StandardCharsets.UTF_8);
            return new Credentials(configured, NetrcParser.parse(data, name), name, insecureHost);
        } catch (NoSuchFileException e) {
            return new Credentials(configured, List.of(), name + " (not found)", insecureHost);
        } catch (IOException | RuntimeException e) {
            return new Credentials(
                    configured,
                    List.of(),
                    name + " (unreadable: " + e.getClass().getSimpleName() + ")",
                    insecureHost);
        }
    }

    /** No credentials at all. */
    public static Credentials none() {
        return new Credentials(List.of(), List.of(), "no netrc", host -> false);
    }

    /**
     * The credential for {@code host} ({@code host} or {@code host:port}, case-insensitive): the
     * setting before netrc, the first entry for a host winning; an entry without a port also
     * serves the host on any port.
     */
    public Optional<Credential> forHost(String host) {
        String key = Objects.requireNonNull(host, "host").toLowerCase(Locale.ROOT);
        String bare = withoutPort(key);
        for (List<Credential> source : List.of(configured, netrc)) {
            Optional<Credential> found = find(source, key);
            if (found.isEmpty() && !bare.equals(key)) {
                found = find(source, bare);
            }
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The credential to send to {@code url}: only over https, or http to a GOINSECURE host. */
    public Optional<Credential> forUrl(URI url) {
        String scheme = Objects.requireNonNull(url, "url").getScheme() == null
                ? ""
                : url.getScheme().toLowerCase(Locale.ROOT);
        if (url.getHost() == null) {
            return Optional.empty();
        }
        boolean allowed = scheme.equals("https") || (scheme.equals("http") && insecureHost.test(url.getHost()));
        return allowed ? forHost(authority(url)) : Optional.empty();
    }

    /**
     * The git settings that make system git send Basic auth to that URL's host only
     * ({@code http.<scheme>://<host>/.extraHeader=Authorization: Basic ...}, passed through
     * {@code GIT_CONFIG_COUNT} variables, never the command line), naming where the credential
     * came from; without a credential for the URL, git's own mechanisms only.
     */
    public GitAuth gitAuth(URI repoUrl) {
        return forUrl(repoUrl)
                .map(c -> new GitAuth(
                        List.of(extraHeaderKey(repoUrl) + "=" + extraHeaderValue(c)),
                        c.source() + " entry for " + c.host()))
                .orElseGet(GitAuth::none);
    }

    /**
     * For error messages: {@code tried: MODVAULT_GIT_CREDENTIALS entry for git.corp.example}, or
     * {@code no credentials configured for git.corp.example (MODVAULT_GIT_CREDENTIALS, /root/.netrc)}.
     */
    public String describeSources(String host) {
        return forHost(host)
                .map(c -> "tried: " + c.source() + " entry for " + c.host())
                .orElseGet(
                        () -> "no credentials configured for " + host + " (" + SETTING + ", " + netrcDescription + ")");
    }

    @Override
    public String toString() {
        return "Credentials[" + SETTING + ": " + configured.size() + " host(s), " + netrcDescription + ": "
                + netrc.size() + " machine(s)]";
    }

    private static Optional<Path> netrcPath(Map<String, String> settings) {
        String netrc = settings.get("NETRC");
        if (netrc != null && !netrc.isEmpty()) {
            return Optional.of(Path.of(netrc));
        }
        String home = settings.get("HOME");
        return home == null || home.isEmpty() ? Optional.empty() : Optional.of(Path.of(home, ".netrc"));
    }

    private static Optional<Credential> find(List<Credential> source, String host) {
        return source.stream().filter(c -> c.host().equalsIgnoreCase(host)).findFirst();
    }

    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon > host.lastIndexOf(']') && colon >= 0 ? host.substring(0, colon) : host;
    }

    private static String authority(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return url.getPort() >= 0 ? host + ":" + url.getPort() : host;
    }

    private static String extraHeaderKey(URI url) {
        return "http." + url.getScheme().toLowerCase(Locale.ROOT) + "://" + authority(url) + "/.extraHeader";
    }

    private static String extraHeaderValue(Credential credential) {
        return "Authorization: " + credential.basicAuthorization();
    }
}
